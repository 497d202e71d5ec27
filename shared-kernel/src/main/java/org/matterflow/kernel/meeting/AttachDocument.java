package org.matterflow.kernel.meeting;

import org.matterflow.kernel.Check;
import org.matterflow.kernel.DocumentRef;

/**
 * Attach a document to an agenda item.
 */
public record AttachDocument(MeetingId meetingId, AgendaItemId itemId, DocumentRef document) implements MeetingCommand {

	public AttachDocument {
		Check.required(meetingId, "meetingId");
		Check.required(itemId, "itemId");
		Check.required(document, "document");
	}

}
