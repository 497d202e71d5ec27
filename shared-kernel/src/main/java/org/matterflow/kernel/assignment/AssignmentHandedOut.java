package org.matterflow.kernel.assignment;

import java.util.List;

import org.matterflow.kernel.Revision;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.matter.MatterId;
import org.matterflow.kernel.meeting.AgendaItemId;
import org.matterflow.kernel.meeting.MeetingId;

/**
 * A body handed out an assignment at a meeting.
 */
@Revision("1")
public record AssignmentHandedOut(AssignmentId assignmentId, BodyId bodyId, MeetingId meetingId, AgendaItemId itemId,
		MatterId matterId, List<Assignee> assignees, String description, Due due,
		AssignmentKind kind) implements AssignmentEvent {

}
