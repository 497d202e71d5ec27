package org.matterflow.command.common;

import org.matterflow.kernel.ErrorCode;

/**
 * A command that contradicts the record. Thrown before anything is applied, so the
 * refused command appends nothing; the API answers it as a problem with the code and
 * message.
 */
public class RuleViolation extends RuntimeException {

	private final ErrorCode code;

	public RuleViolation(ErrorCode code, String message) {
		super(message);
		this.code = code;
	}

	public ErrorCode code() {
		return this.code;
	}

	/** Refuses unless the condition holds. */
	public static void check(boolean condition, ErrorCode code, String message) {
		if (!condition) {
			throw new RuleViolation(code, message);
		}
	}

}
