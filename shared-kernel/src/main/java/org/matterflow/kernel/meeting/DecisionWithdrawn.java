package org.matterflow.kernel.meeting;

import org.matterflow.kernel.Revision;
import org.matterflow.kernel.matter.MatterId;

/**
 * A decision recorded by mistake was taken back before the minutes were adjusted: the
 * meeting did not take it. It stays in the events before this one.
 */
@Revision("1")
public record DecisionWithdrawn(MeetingId meetingId, DecisionId decisionId, AgendaItemId itemId, MatterId matterId,
		String reason) implements MeetingEvent {

}
