package org.matterflow.kernel.assignment;

import org.matterflow.kernel.Revision;

/**
 * The time an assignment is due was changed.
 */
@Revision("1")
public record AssignmentDueDateChanged(AssignmentId assignmentId, Due from, Due to,
		String reason) implements AssignmentEvent {

}
