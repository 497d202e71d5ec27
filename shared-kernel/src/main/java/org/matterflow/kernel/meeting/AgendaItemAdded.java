package org.matterflow.kernel.meeting;

import java.util.List;

import org.matterflow.kernel.DocumentRef;
import org.matterflow.kernel.Revision;
import org.matterflow.kernel.matter.MatterId;

/**
 * An item was put on a meeting's agenda.
 */
@Revision("1")
public record AgendaItemAdded(MeetingId meetingId, AgendaItemId itemId, int position, String title, ItemKind kind,
		MatterId matterId, List<String> presenters, List<String> guests, List<DocumentRef> documents,
		String description) implements MeetingEvent {

}
