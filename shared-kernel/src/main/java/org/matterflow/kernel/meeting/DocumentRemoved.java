package org.matterflow.kernel.meeting;

import org.matterflow.kernel.Revision;

/**
 * The references to a document at {@code uri} were taken off an agenda item before the
 * minutes were adjusted; the events before this one still name them.
 */
@Revision("1")
public record DocumentRemoved(MeetingId meetingId, AgendaItemId itemId, String uri,
		String reason) implements MeetingEvent {

}
