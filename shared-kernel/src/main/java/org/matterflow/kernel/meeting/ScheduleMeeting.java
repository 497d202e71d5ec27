package org.matterflow.kernel.meeting;

import org.matterflow.kernel.Check;
import org.matterflow.kernel.body.BodyId;

/**
 * Put a meeting of a body in the calendar.
 */
public record ScheduleMeeting(MeetingId meetingId, BodyId bodyId, MeetingTime time, String location, MeetingMode mode,
		boolean tentative, String title) implements MeetingCommand {

	public ScheduleMeeting {
		Check.required(meetingId, "meetingId");
		Check.required(bodyId, "bodyId");
		Check.required(time, "time");
		location = Check.optionalText(location, "location", 300);
		Check.required(mode, "mode");
		title = Check.optionalText(title, "title", 300);
	}

}
