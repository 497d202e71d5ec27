package org.matterflow.kernel.meeting;

import org.matterflow.kernel.Revision;
import org.matterflow.kernel.matter.MatterId;

/**
 * An agenda item was given a new title before the minutes were adjusted; the title it had
 * stays in the events before this one.
 */
@Revision("1")
public record AgendaItemRenamed(MeetingId meetingId, AgendaItemId itemId, MatterId matterId, String title,
		String reason) implements MeetingEvent {

}
