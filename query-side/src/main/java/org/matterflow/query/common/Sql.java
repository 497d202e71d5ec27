package org.matterflow.query.common;

/**
 * SQL of one generation: {@code {s}} in a statement stands for the generation's schema.
 */
public record Sql(String schema) {

	public String of(String statement) {
		return statement.replace("{s}", this.schema);
	}

}
