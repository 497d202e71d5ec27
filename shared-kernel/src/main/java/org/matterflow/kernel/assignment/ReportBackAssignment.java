package org.matterflow.kernel.assignment;

import org.matterflow.kernel.Check;
import org.matterflow.kernel.meeting.AgendaItemId;
import org.matterflow.kernel.meeting.MeetingId;

/**
 * Record that the assignees reported back at a meeting.
 */
public record ReportBackAssignment(AssignmentId assignmentId, MeetingId meetingId, AgendaItemId itemId,
		String summary) implements AssignmentCommand {

	public ReportBackAssignment {
		Check.required(assignmentId, "assignmentId");
		Check.required(meetingId, "meetingId");
		summary = Check.text(summary, "summary", 10000);
	}

}
