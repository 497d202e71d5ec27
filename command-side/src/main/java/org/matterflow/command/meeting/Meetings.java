package org.matterflow.command.meeting;

import org.matterflow.kernel.meeting.AgendaItemId;
import org.matterflow.kernel.meeting.MeetingId;

/** What other aggregates may ask about meetings before they refer to one. */
public interface Meetings {

	/**
	 * Refuses unless the meeting's record is open for entries (opened, not cancelled, not
	 * adjusted) and, when an item is given, the item is on its agenda.
	 */
	MeetingFacts requireInSession(MeetingId meetingId, AgendaItemId itemId);

	/** Refuses unless the meeting exists and is not cancelled. */
	void requireNotCancelled(MeetingId meetingId);

}
