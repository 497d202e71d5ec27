package org.matterflow.kernel.meeting;

import java.util.List;

import org.matterflow.kernel.Check;
import org.matterflow.kernel.PersonId;

/**
 * Record how a person took part in the meeting.
 */
public record RecordAttendance(MeetingId meetingId, PersonId personId, String name, String organisation,
		AttendanceStatus status, List<AgendaItemId> items) implements MeetingCommand {

	public RecordAttendance {
		Check.required(meetingId, "meetingId");
		Check.required(personId, "personId");
		name = Check.text(name, "name", 200);
		organisation = Check.optionalText(organisation, "organisation", 200);
		Check.required(status, "status");
		items = Check.list(items, "items");
	}

}
