package org.matterflow.kernel.meeting;

import java.util.List;

import org.matterflow.kernel.Check;

/**
 * Put the items of the agenda in a new order.
 */
public record ReorderAgenda(MeetingId meetingId, List<AgendaItemId> order) implements MeetingCommand {

	public ReorderAgenda {
		Check.required(meetingId, "meetingId");
		order = Check.nonEmpty(order, "order");
	}

}
