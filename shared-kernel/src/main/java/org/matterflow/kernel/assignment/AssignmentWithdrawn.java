package org.matterflow.kernel.assignment;

import org.matterflow.kernel.Revision;

/**
 * An assignment was withdrawn and is no longer to be carried out.
 */
@Revision("1")
public record AssignmentWithdrawn(AssignmentId assignmentId, String reason) implements AssignmentEvent {

}
