package org.matterflow.kernel.meeting;

import org.matterflow.kernel.Check;
import org.matterflow.kernel.body.BodyId;

/**
 * Defer an agenda item to a coming meeting, or to a body's backlog.
 */
public record DeferItem(MeetingId meetingId, AgendaItemId itemId, MeetingId toMeeting, BodyId toBacklogOf,
		String reason) implements MeetingCommand {

	public DeferItem {
		Check.required(meetingId, "meetingId");
		Check.required(itemId, "itemId");
		reason = Check.optionalText(reason, "reason", 1000);
	}

}
