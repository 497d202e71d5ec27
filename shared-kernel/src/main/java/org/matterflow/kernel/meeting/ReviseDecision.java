package org.matterflow.kernel.meeting;

import org.matterflow.kernel.Check;

/**
 * Revise the text of a decision while the minutes are still being written, before they
 * are adjusted; once adjusted, they are corrected instead ({@link CorrectMinutes}).
 */
public record ReviseDecision(MeetingId meetingId, DecisionId decisionId, String text,
		String reason) implements MeetingCommand {

	public ReviseDecision {
		Check.required(meetingId, "meetingId");
		Check.required(decisionId, "decisionId");
		text = Check.text(text, "text", 10000);
		reason = Check.optionalText(reason, "reason", 1000);
	}

}
