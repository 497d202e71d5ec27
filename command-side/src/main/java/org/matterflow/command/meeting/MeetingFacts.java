package org.matterflow.command.meeting;

import java.time.LocalDate;

import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.matter.MatterId;
import org.matterflow.kernel.meeting.MeetingId;
import org.matterflow.kernel.meeting.MeetingTime.DatePrecision;

/**
 * What an assignment handed out or reported back at a meeting learns from that meeting:
 * among it the meeting's date, and how precisely that is known (an undated protocol's
 * meeting is known to its year).
 */
public record MeetingFacts(MeetingId meetingId, BodyId bodyId, LocalDate date, DatePrecision datePrecision,
		MatterId matterId) {

	MeetingFacts withMatter(MatterId matter) {
		return new MeetingFacts(this.meetingId, this.bodyId, this.date, this.datePrecision, matter);
	}

}
