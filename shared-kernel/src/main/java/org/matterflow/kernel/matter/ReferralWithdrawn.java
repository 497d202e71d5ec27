package org.matterflow.kernel.matter;

import org.matterflow.kernel.Revision;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.meeting.AgendaItemId;
import org.matterflow.kernel.meeting.MeetingId;

/**
 * A referral recorded by mistake was taken back: the matter no longer waits at
 * {@code toBody} for it. The referral stays in the events before this one.
 */
@Revision("1")
public record ReferralWithdrawn(MatterId matterId, BodyId fromBody, BodyId toBody, MeetingId atMeeting,
		AgendaItemId itemId, String reason) implements MatterEvent {

}
