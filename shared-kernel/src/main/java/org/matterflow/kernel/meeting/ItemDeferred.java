package org.matterflow.kernel.meeting;

import org.matterflow.kernel.Revision;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.matter.MatterId;

/**
 * An agenda item was deferred to a coming meeting or to a body's backlog.
 */
@Revision("1")
public record ItemDeferred(MeetingId meetingId, AgendaItemId itemId, MatterId matterId, MeetingId toMeeting,
		BodyId toBacklogOf, String reason) implements MeetingEvent {

}
