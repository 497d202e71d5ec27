package org.matterflow.kernel.meeting;

import org.matterflow.kernel.Check;

/**
 * Give an agenda item a new title while its meeting's record is open: a title mistyped in
 * the notice or the minutes is mended before they are adjusted; once adjusted, they are
 * corrected instead ({@link CorrectMinutes}).
 */
public record RenameAgendaItem(MeetingId meetingId, AgendaItemId itemId, String title,
		String reason) implements MeetingCommand {

	public RenameAgendaItem {
		Check.required(meetingId, "meetingId");
		Check.required(itemId, "itemId");
		title = Check.text(title, "title", 500);
		reason = Check.optionalText(reason, "reason", 1000);
	}

}
