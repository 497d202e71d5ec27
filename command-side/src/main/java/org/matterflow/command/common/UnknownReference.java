package org.matterflow.command.common;

import org.matterflow.kernel.ErrorCode;

/**
 * A command names a body, meeting or matter that the record does not hold. Unlike an
 * unknown target in the path (404), the request itself is at fault, so the API answers
 * 422.
 */
public class UnknownReference extends RuleViolation {

	public UnknownReference(String kind, String id) {
		super(ErrorCode.UNKNOWN_ID, "there is no " + kind + " with id '" + id + "'");
	}

}
