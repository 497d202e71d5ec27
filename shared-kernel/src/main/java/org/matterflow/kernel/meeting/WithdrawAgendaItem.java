package org.matterflow.kernel.meeting;

import org.matterflow.kernel.Check;

/**
 * Take an item off a meeting's agenda.
 */
public record WithdrawAgendaItem(MeetingId meetingId, AgendaItemId itemId, String reason) implements MeetingCommand {

	public WithdrawAgendaItem {
		Check.required(meetingId, "meetingId");
		Check.required(itemId, "itemId");
		reason = Check.optionalText(reason, "reason", 1000);
	}

}
