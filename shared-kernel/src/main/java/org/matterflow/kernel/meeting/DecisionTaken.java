package org.matterflow.kernel.meeting;

import org.matterflow.kernel.Revision;
import org.matterflow.kernel.matter.MatterId;

/**
 * The meeting took a decision under an agenda item.
 */
@Revision("1")
public record DecisionTaken(MeetingId meetingId, DecisionId decisionId, AgendaItemId itemId, MatterId matterId,
		DecisionKind kind, String text) implements MeetingEvent {

}
