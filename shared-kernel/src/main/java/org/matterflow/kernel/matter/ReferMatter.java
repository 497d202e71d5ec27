package org.matterflow.kernel.matter;

import org.matterflow.kernel.Check;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.meeting.MeetingId;

/**
 * Send a matter from one body to another.
 */
public record ReferMatter(MatterId matterId, BodyId fromBody, BodyId toBody, ReferralPurpose purpose,
		MeetingId atMeeting, String note) implements MatterCommand {

	public ReferMatter {
		Check.required(matterId, "matterId");
		Check.required(fromBody, "fromBody");
		Check.required(toBody, "toBody");
		Check.required(purpose, "purpose");
		note = Check.optionalText(note, "note", 4000);
	}

}
