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
		return this.readModel + "_" + this.number;
	}

	public String processorName() {
		return this.readModel + "-" + this.number;
	}

}
