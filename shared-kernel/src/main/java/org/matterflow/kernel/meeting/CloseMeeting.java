package org.matterflow.kernel.meeting;

import org.matterflow.kernel.Check;

/**
 * Close the meeting.
 */
public record CloseMeeting(MeetingId meetingId) implements MeetingCommand {

	public CloseMeeting {
		Check.required(meetingId, "meetingId");
	}

}
