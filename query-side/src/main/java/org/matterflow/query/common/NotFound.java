package org.matterflow.query.common;

/** The thing asked for is not in the read model. */
public class NotFound extends RuntimeException {

	public NotFound(String kind, String id) {
		super("there is no " + kind + " with id '" + id + "'");
	}

}
