package org.matterflow.kernel.assignment;

import java.time.LocalDate;

import org.matterflow.kernel.Revision;

/**
 * An assignment's due date passed without a report back or completion.
 */
@Revision("1")
public record AssignmentBecameOverdue(AssignmentId assignmentId, LocalDate due) implements AssignmentEvent {

}
