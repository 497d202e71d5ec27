package org.matterflow.kernel.meeting;

import java.util.List;

import org.matterflow.kernel.Revision;

/**
 * The items of a meeting's agenda were put in a new order.
 */
@Revision("1")
public record AgendaReordered(MeetingId meetingId, List<AgendaItemId> order) implements MeetingEvent {

}
