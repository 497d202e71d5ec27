package org.matterflow.kernel.meeting;

import org.matterflow.kernel.Check;

/**
 * Write down what was said about an agenda item.
 */
public record RecordDiscussion(MeetingId meetingId, AgendaItemId itemId, String summary) implements MeetingCommand {

	public RecordDiscussion {
		Check.required(meetingId, "meetingId");
		Check.required(itemId, "itemId");
		summary = Check.text(summary, "summary", 20000);
	}

}
