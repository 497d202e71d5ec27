package org.matterflow.kernel.meeting;

import org.matterflow.kernel.Check;

/**
 * Take back a decision recorded by mistake (twice, or at the wrong meeting) while the
 * minutes are written; once adjusted, they are corrected instead
 * ({@link CorrectMinutes}).
 */
public record WithdrawDecision(MeetingId meetingId, DecisionId decisionId, String reason) implements MeetingCommand {

	public WithdrawDecision {
		Check.required(meetingId, "meetingId");
		Check.required(decisionId, "decisionId");
		reason = Check.optionalText(reason, "reason", 1000);
	}

}
