package org.matterflow.kernel.meeting;

import org.matterflow.kernel.Check;

/**
 * Take back the deferral of an agenda item recorded by mistake (to the wrong meeting or
 * backlog, or not deferred at all), while the minutes are written.
 */
public record WithdrawDeferral(MeetingId meetingId, AgendaItemId itemId, String reason) implements MeetingCommand {

	public WithdrawDeferral {
		Check.required(meetingId, "meetingId");
		Check.required(itemId, "itemId");
		reason = Check.optionalText(reason, "reason", 1000);
	}

}
