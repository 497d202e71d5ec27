package org.matterflow.kernel.meeting;

import java.time.LocalDate;

import org.matterflow.kernel.Check;
import org.matterflow.kernel.body.BodyId;

/**
 * The body of a meeting on its calendar was dissolved: unless the meeting was held
 * already or falls on or before the day of the dissolution, it will not be held and is
 * cancelled. Sent by matterflow itself, never by a client; the meeting decides, so a word
 * that comes late or twice changes nothing.
 */
public record CancelMeetingOfDissolvedBody(MeetingId meetingId, BodyId bodyId, LocalDate dissolvedOn,
		String dissolutionReason) implements MeetingCommand {

	public CancelMeetingOfDissolvedBody {
		Check.required(meetingId, "meetingId");
		Check.required(bodyId, "bodyId");
		Check.required(dissolvedOn, "dissolvedOn");
		dissolutionReason = Check.optionalText(dissolutionReason, "dissolutionReason", 1000);
	}

	/** The reason the record gives for the cancellation. */
	public String reason() {
		return "the body was dissolved on " + this.dissolvedOn
				+ ((this.dissolutionReason != null) ? ": " + this.dissolutionReason : "");
	}

}
