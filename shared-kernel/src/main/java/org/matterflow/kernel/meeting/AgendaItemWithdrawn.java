package org.matterflow.kernel.meeting;

import org.matterflow.kernel.Revision;

/**
 * An item was taken off a meeting's agenda before it was dealt with.
 */
@Revision("1")
public record AgendaItemWithdrawn(MeetingId meetingId, AgendaItemId itemId, String reason) implements MeetingEvent {

}
