package org.matterflow.command.meeting;

import java.time.LocalDate;

import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.matter.MatterId;
import org.matterflow.kernel.meeting.MeetingId;

/**
 * What an assignment handed out or reported back at a meeting learns from that meeting.
 */
public record MeetingFacts(MeetingId meetingId, BodyId bodyId, LocalDate date, MatterId matterId) {

	MeetingFacts withMatter(MatterId matter) {
		return new MeetingFacts(this.meetingId, this.bodyId, this.date, matter);
	}

}
