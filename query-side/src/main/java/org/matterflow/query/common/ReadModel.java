package org.matterflow.query.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;

/**
 * One read model: its name, the version of its shape and handlers, the DDL of its tables,
 * and the event handler that fills one generation of it. Raising the version makes the
 * next start rebuild the read model into a new generation while the current one keeps
 * serving.
 */
public abstract class ReadModel {

	private final String name;

	private final int version;

	protected ReadModel(String name, int version) {
		this.name = name;
		this.version = version;
	}

	public String name() {
		return this.name;
	}

	public int version() {
		return this.version;
	}

	/** The tables of one generation, with {@code ${schema}} standing for its schema. */
	public String ddl() {
		String resource = getClass().getPackageName().replace('.', '/') + "/" + this.name + ".sql";
		try {
			return new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("no DDL for read model " + this.name + " at " + resource, ex);
		}
	}

	/**
	 * The object whose {@code @EventHandler} methods write one generation, with
	 * statements in the generation's schema.
	 */
	public abstract Object handlerFor(Statements statements);

}
