package org.matterflow.query.common;

/** The thing asked for is not in the read model. */
public class NotFound extends RuntimeException {

	public NotFound(String kind, String id) {
		super("there is no " + kind + " with id '" + id + "'");
	}

	/** For what is not asked for by an id, so that the answer need not repeat it. */
	public NotFound(String message) {
		super(message);
	}

}
