package org.matterflow.kernel.meeting;

import org.matterflow.kernel.Revision;
import org.matterflow.kernel.matter.MatterId;

/**
 * The deferral of an agenda item was taken back before the minutes were adjusted: the
 * item no longer waits for a later meeting or a backlog. It may be deferred anew.
 */
@Revision("1")
public record DeferralWithdrawn(MeetingId meetingId, AgendaItemId itemId, MatterId matterId,
		String reason) implements MeetingEvent {

}
