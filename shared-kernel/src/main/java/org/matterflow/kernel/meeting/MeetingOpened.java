package org.matterflow.kernel.meeting;

import org.matterflow.kernel.Revision;

/**
 * The chair opened the meeting.
 */
@Revision("1")
public record MeetingOpened(MeetingId meetingId) implements MeetingEvent {

}
