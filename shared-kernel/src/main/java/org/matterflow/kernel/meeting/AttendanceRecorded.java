package org.matterflow.kernel.meeting;

import java.util.List;

import org.matterflow.kernel.PersonId;
import org.matterflow.kernel.Revision;

/**
 * How a person took part in a meeting was recorded.
 */
@Revision("1")
public record AttendanceRecorded(MeetingId meetingId, PersonId personId, String name, String organisation,
		AttendanceStatus status, List<AgendaItemId> items) implements MeetingEvent {

}
