package org.matterflow.kernel.meeting;

import org.matterflow.kernel.Revision;

/**
 * A meeting was moved to another time or place.
 */
@Revision("1")
public record MeetingRescheduled(MeetingId meetingId, MeetingTime from, MeetingTime to, String location,
		boolean tentative, String reason) implements MeetingEvent {

}
