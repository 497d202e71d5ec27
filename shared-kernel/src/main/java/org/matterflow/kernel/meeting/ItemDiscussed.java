package org.matterflow.kernel.meeting;

import org.matterflow.kernel.Revision;
import org.matterflow.kernel.matter.MatterId;

/**
 * What was said about an agenda item was written down.
 */
@Revision("1")
public record ItemDiscussed(MeetingId meetingId, AgendaItemId itemId, MatterId matterId,
		String summary) implements MeetingEvent {

}
