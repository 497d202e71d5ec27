package org.matterflow.kernel.matter;

import org.matterflow.kernel.Revision;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.meeting.AgendaItemId;
import org.matterflow.kernel.meeting.MeetingId;

/**
 * A matter was sent from one body to another, for a purpose; at a meeting, under the item
 * where it was decided when the record says which. Revision 2 added the item; referrals
 * of revision 1 read with none.
 */
@Revision("2")
public record MatterReferred(MatterId matterId, BodyId fromBody, BodyId toBody, ReferralPurpose purpose,
		MeetingId atMeeting, AgendaItemId itemId, String note) implements MatterEvent {

}
