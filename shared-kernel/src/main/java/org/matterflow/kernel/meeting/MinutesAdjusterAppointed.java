package org.matterflow.kernel.meeting;

import org.matterflow.kernel.PersonId;
import org.matterflow.kernel.Revision;

/**
 * A person was appointed to adjust (justera) the minutes.
 */
@Revision("1")
public record MinutesAdjusterAppointed(MeetingId meetingId, PersonId personId, String name) implements MeetingEvent {

}
