package org.matterflow.kernel.assignment;

import org.matterflow.kernel.Check;

/**
 * Withdraw an assignment.
 */
public record WithdrawAssignment(AssignmentId assignmentId, String reason) implements AssignmentCommand {

	public WithdrawAssignment {
		Check.required(assignmentId, "assignmentId");
		reason = Check.text(reason, "reason", 1000);
	}

}
