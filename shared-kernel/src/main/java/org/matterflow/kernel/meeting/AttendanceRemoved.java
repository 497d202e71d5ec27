package org.matterflow.kernel.meeting;

import org.matterflow.kernel.PersonId;
import org.matterflow.kernel.Revision;

/**
 * A person recorded in the attendance by mistake was taken out of it before the minutes
 * were adjusted; the recording stays in the events before this one.
 */
@Revision("1")
public record AttendanceRemoved(MeetingId meetingId, PersonId personId, String reason) implements MeetingEvent {

}
