package org.matterflow.command.meeting;

import java.time.LocalDate;
import java.util.Optional;

import org.matterflow.kernel.meeting.AgendaItemId;
import org.matterflow.kernel.meeting.MeetingId;
import org.matterflow.kernel.meeting.MeetingTime;

/** What other aggregates may ask about meetings before they refer to one. */
public interface Meetings {

	/**
	 * Refuses unless the meeting's record is open for entries (opened, not cancelled, not
	 * adjusted) and, when an item is given, the item is on its agenda.
	 */
	MeetingFacts requireInSession(MeetingId meetingId, AgendaItemId itemId);

	/**
	 * Refuses unless the meeting exists and is not cancelled; answers the day it is set
	 * for, so that a rule about its day needs no second look.
	 */
	LocalDate requireNotCancelled(MeetingId meetingId);

	/** When and where a meeting is set to take place, if the record holds it. */
	Optional<Schedule> scheduleOf(MeetingId meetingId);

	/**
	 * Where a meeting stands in the calendar; {@code pending} until it is opened or
	 * cancelled.
	 */
	record Schedule(MeetingTime time, String location, boolean tentative, boolean pending) {
	}

}
