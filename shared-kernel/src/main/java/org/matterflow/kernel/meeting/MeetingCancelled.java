package org.matterflow.kernel.meeting;

import org.matterflow.kernel.Revision;

/**
 * A meeting was cancelled (inställt) and will not take place.
 */
@Revision("1")
public record MeetingCancelled(MeetingId meetingId, String reason) implements MeetingEvent {

}
