package org.matterflow.kernel.assignment;

import org.matterflow.kernel.Revision;

/**
 * An assignment was completed.
 */
@Revision("1")
public record AssignmentCompleted(AssignmentId assignmentId, String note) implements AssignmentEvent {

}
