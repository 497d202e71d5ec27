package org.matterflow.kernel.assignment;

import java.util.List;

import org.matterflow.kernel.Check;
import org.matterflow.kernel.matter.MatterId;
import org.matterflow.kernel.meeting.AgendaItemId;
import org.matterflow.kernel.meeting.MeetingId;

/**
 * Hand out an assignment under an item of a meeting.
 */
public record HandOutAssignment(AssignmentId assignmentId, MeetingId meetingId, AgendaItemId itemId, MatterId matterId,
		List<Assignee> assignees, String description, Due due, AssignmentKind kind) implements AssignmentCommand {

	public HandOutAssignment {
		Check.required(assignmentId, "assignmentId");
		Check.required(meetingId, "meetingId");
		Check.required(itemId, "itemId");
		assignees = Check.nonEmpty(assignees, "assignees");
		description = Check.text(description, "description", 10000);
		Check.required(due, "due");
		Check.required(kind, "kind");
	}

}
