package org.matterflow.kernel.meeting;

import org.matterflow.kernel.Revision;
import org.matterflow.kernel.body.BodyId;

/**
 * A meeting of a body was put in the calendar.
 */
@Revision("1")
public record MeetingScheduled(MeetingId meetingId, BodyId bodyId, MeetingTime time, String location, MeetingMode mode,
		boolean tentative, String title) implements MeetingEvent {

}
