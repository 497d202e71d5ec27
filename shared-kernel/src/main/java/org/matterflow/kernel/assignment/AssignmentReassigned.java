package org.matterflow.kernel.assignment;

import java.util.List;

import org.matterflow.kernel.Revision;

/**
 * An assignment was given to other assignees.
 */
@Revision("1")
public record AssignmentReassigned(AssignmentId assignmentId, List<Assignee> assignees,
		String reason) implements AssignmentEvent {

}
