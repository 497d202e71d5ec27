package org.matterflow.kernel.meeting;

import org.matterflow.kernel.Check;
import org.matterflow.kernel.PersonId;

/**
 * Appoint a person to adjust the minutes.
 */
public record AppointMinutesAdjuster(MeetingId meetingId, PersonId personId, String name) implements MeetingCommand {

	public AppointMinutesAdjuster {
		Check.required(meetingId, "meetingId");
		Check.required(personId, "personId");
		name = Check.text(name, "name", 200);
	}

}
