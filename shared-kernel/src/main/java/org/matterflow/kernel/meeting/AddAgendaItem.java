package org.matterflow.kernel.meeting;

import java.util.List;

import org.matterflow.kernel.Check;
import org.matterflow.kernel.DocumentRef;
import org.matterflow.kernel.matter.MatterId;

/**
 * Put an item on a meeting's agenda; without a position it goes last.
 */
public record AddAgendaItem(MeetingId meetingId, AgendaItemId itemId, Integer position, String title, ItemKind kind,
		MatterId matterId, List<String> presenters, List<String> guests, List<DocumentRef> documents,
		String description) implements MeetingCommand {

	public AddAgendaItem {
		Check.required(meetingId, "meetingId");
		Check.required(itemId, "itemId");
		title = Check.text(title, "title", 500);
		Check.required(kind, "kind");
		presenters = Check.list(presenters, "presenters");
		guests = Check.list(guests, "guests");
		documents = Check.list(documents, "documents");
		description = Check.optionalText(description, "description", 10000);
	}

}
