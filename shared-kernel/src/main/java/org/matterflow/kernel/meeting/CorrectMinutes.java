package org.matterflow.kernel.meeting;

import org.matterflow.kernel.Check;

/**
 * Correct adjusted minutes, with a reason; the correction may name the item or decision
 * it corrects.
 */
public record CorrectMinutes(MeetingId meetingId, CorrectionId correctionId, AgendaItemId itemId, DecisionId decisionId,
		String what, String correction, String reason) implements MeetingCommand {

	public CorrectMinutes {
		Check.required(meetingId, "meetingId");
		Check.required(correctionId, "correctionId");
		what = Check.text(what, "what", 500);
		correction = Check.text(correction, "correction", 10000);
		reason = Check.text(reason, "reason", 1000);
	}

}
