package org.matterflow.query.common;

/**
 * One generation of a read model: the schema its tables live in and the processor that
 * fills them.
 */
public record Generation(String readModel, int number, int version, State state) {

	public enum State {

		BUILDING, ACTIVE, RETIRED

	}

	public String schema() {
		return schema(this.readModel, this.number);
	}

	/** The schema of a read model's generation, for those who know only its number. */
	public static String schema(String readModel, int number) {
		return readModel + "_" + number;
	}

	public String processorName() {
		return this.readModel + "-" + this.number;
	}

}
