package org.matterflow.kernel.assignment;

import java.time.LocalDate;

import org.matterflow.kernel.Check;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.meeting.MeetingId;

/**
 * A meeting was held that an assignment without a date was due at (that meeting, or the
 * next meeting of its body): unless it was reported back or finished, it is overdue. Sent
 * by matterflow itself, never by a client; the assignment decides.
 */
public record MarkAssignmentOverdue(AssignmentId assignmentId, MeetingId meetingId, BodyId bodyId,
		LocalDate heldOn) implements AssignmentCommand {

	public MarkAssignmentOverdue {
		Check.required(assignmentId, "assignmentId");
		Check.required(meetingId, "meetingId");
		Check.required(bodyId, "bodyId");
		Check.required(heldOn, "heldOn");
	}

}
