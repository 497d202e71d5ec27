package org.matterflow.kernel.meeting;

import org.matterflow.kernel.DocumentRef;
import org.matterflow.kernel.Revision;

/**
 * A document was attached to an agenda item.
 */
@Revision("1")
public record DocumentAttached(MeetingId meetingId, AgendaItemId itemId, DocumentRef document) implements MeetingEvent {

}
