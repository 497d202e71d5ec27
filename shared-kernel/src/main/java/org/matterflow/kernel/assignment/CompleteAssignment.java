package org.matterflow.kernel.assignment;

import org.matterflow.kernel.Check;

/**
 * Record that an assignment is completed.
 */
public record CompleteAssignment(AssignmentId assignmentId, String note) implements AssignmentCommand {

	public CompleteAssignment {
		Check.required(assignmentId, "assignmentId");
		note = Check.optionalText(note, "note", 4000);
	}

}
