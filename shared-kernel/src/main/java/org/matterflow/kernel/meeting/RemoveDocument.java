package org.matterflow.kernel.meeting;

import org.matterflow.kernel.Check;

/**
 * Take a document reference off an agenda item while the meeting's record is open: one
 * attached to the wrong item, or a link that was wrong. Every reference to {@code uri} on
 * the item goes.
 */
public record RemoveDocument(MeetingId meetingId, AgendaItemId itemId, String uri,
		String reason) implements MeetingCommand {

	public RemoveDocument {
		Check.required(meetingId, "meetingId");
		Check.required(itemId, "itemId");
		uri = Check.text(uri, "uri", 2000);
		reason = Check.optionalText(reason, "reason", 1000);
	}

}
