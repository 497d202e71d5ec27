package org.matterflow.kernel.meeting;

import org.matterflow.kernel.Check;

/**
 * Move a meeting to another time or place.
 */
public record RescheduleMeeting(MeetingId meetingId, MeetingTime to, String location, boolean tentative,
		String reason) implements MeetingCommand {

	public RescheduleMeeting {
		Check.required(meetingId, "meetingId");
		Check.required(to, "to");
		location = Check.optionalText(location, "location", 300);
		reason = Check.optionalText(reason, "reason", 1000);
	}

}
