package org.matterflow.kernel.assignment;

import org.matterflow.kernel.Revision;
import org.matterflow.kernel.meeting.AgendaItemId;
import org.matterflow.kernel.meeting.MeetingId;

/**
 * The assignees reported back on an assignment at a meeting.
 */
@Revision("1")
public record AssignmentReportedBack(AssignmentId assignmentId, MeetingId meetingId, AgendaItemId itemId,
		String summary) implements AssignmentEvent {

}
