package org.matterflow.kernel.meeting;

import org.matterflow.kernel.Check;

/**
 * Adopt the meeting's agenda.
 */
public record AdoptAgenda(MeetingId meetingId) implements MeetingCommand {

	public AdoptAgenda {
		Check.required(meetingId, "meetingId");
	}

}
