package org.matterflow.kernel.meeting;

import org.matterflow.kernel.Check;
import org.matterflow.kernel.matter.MatterId;

/**
 * Record a decision taken under an agenda item.
 */
public record TakeDecision(MeetingId meetingId, DecisionId decisionId, AgendaItemId itemId, MatterId matterId,
		DecisionKind kind, String text) implements MeetingCommand {

	public TakeDecision {
		Check.required(meetingId, "meetingId");
		Check.required(decisionId, "decisionId");
		Check.required(itemId, "itemId");
		Check.required(kind, "kind");
		text = Check.text(text, "text", 10000);
	}

}
