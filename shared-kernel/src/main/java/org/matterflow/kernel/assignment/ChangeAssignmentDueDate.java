package org.matterflow.kernel.assignment;

import org.matterflow.kernel.Check;

/**
 * Change when an assignment is due.
 */
public record ChangeAssignmentDueDate(AssignmentId assignmentId, Due due, String reason) implements AssignmentCommand {

	public ChangeAssignmentDueDate {
		Check.required(assignmentId, "assignmentId");
		Check.required(due, "due");
		reason = Check.optionalText(reason, "reason", 1000);
	}

}
