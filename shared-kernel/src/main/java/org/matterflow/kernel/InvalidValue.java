package org.matterflow.kernel;

/**
 * A command or value was given something it cannot hold: a blank title, an end before a
 * start. Always the caller's mistake, so the APIs answer it with 400.
 */
public class InvalidValue extends IllegalArgumentException {

	private final String field;

	public InvalidValue(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
