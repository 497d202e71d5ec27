package org.matterflow.query.common;

/**
 * A request's body names something the record does not hold (422, ADR 0004), as opposed
 * to a path that names no resource ({@link NotFound}, 404).
 */
public class UnknownReference extends RuntimeException {

	public UnknownReference(String kind, String id) {
		super("there is no " + kind + " with id '" + id + "'");
	}

}
