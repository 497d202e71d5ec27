package org.matterflow.kernel.meeting;

import org.matterflow.kernel.Check;
import org.matterflow.kernel.PersonId;

/**
 * Take out of the attendance a person recorded by mistake, until the minutes are
 * adjusted. Whoever took part, absent or not, stays recorded by how they took part.
 */
public record RemoveAttendance(MeetingId meetingId, PersonId personId, String reason) implements MeetingCommand {

	public RemoveAttendance {
		Check.required(meetingId, "meetingId");
		Check.required(personId, "personId");
		reason = Check.optionalText(reason, "reason", 1000);
	}

}
