package org.matterflow.kernel.meeting;

import org.matterflow.kernel.Check;

/**
 * Open the meeting.
 */
public record OpenMeeting(MeetingId meetingId) implements MeetingCommand {

	public OpenMeeting {
		Check.required(meetingId, "meetingId");
	}

}
