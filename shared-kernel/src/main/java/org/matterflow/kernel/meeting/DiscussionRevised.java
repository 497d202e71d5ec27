package org.matterflow.kernel.meeting;

import org.matterflow.kernel.Revision;
import org.matterflow.kernel.matter.MatterId;

/**
 * What was discussed under an item was rewritten before the minutes were adjusted: the
 * discussion now reads {@code summary}, in place of everything written down before; what
 * was written down stays in the events before this one.
 */
@Revision("1")
public record DiscussionRevised(MeetingId meetingId, AgendaItemId itemId, MatterId matterId, String summary,
		String reason) implements MeetingEvent {

}
