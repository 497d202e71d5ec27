package org.matterflow.kernel.meeting;

import org.matterflow.kernel.Revision;

/**
 * The chair closed the meeting.
 */
@Revision("1")
public record MeetingClosed(MeetingId meetingId) implements MeetingEvent {

}
