package org.matterflow.kernel.assignment;

import java.util.List;

import org.matterflow.kernel.Check;

/**
 * Give an assignment to other assignees.
 */
public record ReassignAssignment(AssignmentId assignmentId, List<Assignee> assignees,
		String reason) implements AssignmentCommand {

	public ReassignAssignment {
		Check.required(assignmentId, "assignmentId");
		assignees = Check.nonEmpty(assignees, "assignees");
		reason = Check.optionalText(reason, "reason", 1000);
	}

}
