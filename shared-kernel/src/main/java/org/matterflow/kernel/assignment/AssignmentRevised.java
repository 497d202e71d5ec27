package org.matterflow.kernel.assignment;

import org.matterflow.kernel.Revision;

/**
 * The description of an assignment was revised before the minutes of the meeting that
 * handed it out were adjusted: it now reads {@code description}; what it read before
 * stays in the events before this one.
 */
@Revision("1")
public record AssignmentRevised(AssignmentId assignmentId, String description,
		String reason) implements AssignmentEvent {

}
