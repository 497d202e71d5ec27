package org.matterflow.kernel.matter;

import org.matterflow.kernel.Check;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.meeting.MeetingId;

/**
 * Take back a referral recorded by mistake: the one to {@code toBody} made at
 * {@code atMeeting}, or, without a meeting, the one recorded without one. A referral made
 * at a meeting is taken back until that meeting's minutes are adjusted.
 */
public record WithdrawReferral(MatterId matterId, BodyId toBody, MeetingId atMeeting,
		String reason) implements MatterCommand {

	public WithdrawReferral {
		Check.required(matterId, "matterId");
		Check.required(toBody, "toBody");
		reason = Check.optionalText(reason, "reason", 1000);
	}

}
