package org.matterflow.kernel.meeting;

import org.matterflow.kernel.Check;

/**
 * Rewrite what the minutes say was discussed under an item, while they are written; once
 * adjusted, they are corrected instead ({@link CorrectMinutes}).
 */
public record ReviseDiscussion(MeetingId meetingId, AgendaItemId itemId, String summary,
		String reason) implements MeetingCommand {

	public ReviseDiscussion {
		Check.required(meetingId, "meetingId");
		Check.required(itemId, "itemId");
		summary = Check.text(summary, "summary", 20000);
		reason = Check.optionalText(reason, "reason", 1000);
	}

}
