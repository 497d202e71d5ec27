package org.matterflow.kernel.assignment;

import org.matterflow.kernel.Check;

/**
 * Revise the description of an assignment while the minutes of the meeting that handed it
 * out are written; once they are adjusted, they are corrected instead.
 */
public record ReviseAssignment(AssignmentId assignmentId, String description,
		String reason) implements AssignmentCommand {

	public ReviseAssignment {
		Check.required(assignmentId, "assignmentId");
		description = Check.text(description, "description", 10000);
		reason = Check.optionalText(reason, "reason", 1000);
	}

}
