package org.matterflow.kernel.meeting;

import org.matterflow.kernel.Check;

/**
 * Cancel a meeting.
 */
public record CancelMeeting(MeetingId meetingId, String reason) implements MeetingCommand {

	public CancelMeeting {
		Check.required(meetingId, "meetingId");
		reason = Check.optionalText(reason, "reason", 1000);
	}

}
