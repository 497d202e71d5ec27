package org.matterflow.query.common;

/** The request would create something that already exists. */
public class Conflict extends RuntimeException {

	public Conflict(String message) {
		super(message);
	}

}
