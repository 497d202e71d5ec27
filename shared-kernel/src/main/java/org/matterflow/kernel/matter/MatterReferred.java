package org.matterflow.kernel.matter;

import org.matterflow.kernel.Revision;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.meeting.MeetingId;

/**
 * A matter was sent from one body to another, for a purpose.
 */
@Revision("1")
public record MatterReferred(MatterId matterId, BodyId fromBody, BodyId toBody, ReferralPurpose purpose,
		MeetingId atMeeting, String note) implements MatterEvent {

}
