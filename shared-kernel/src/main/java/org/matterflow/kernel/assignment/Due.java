package org.matterflow.kernel.assignment;

import java.time.LocalDate;

import org.matterflow.kernel.InvalidValue;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.meeting.MeetingId;

/**
 * When an assignment is due: on a date, or at a meeting ("a common document to the
 * meeting of 5 June"), named by its id when it is scheduled, or as the next meeting of a
 * body. A due meeting may also carry its date, which is then what makes the assignment
 * overdue.
 */
public record Due(LocalDate date, BodyId atMeetingOf, MeetingId atMeeting) {

	public Due {
		if (date == null && atMeetingOf == null && atMeeting == null) {
			throw new InvalidValue("due", "due needs a date, a meeting or a body whose meeting it is due at");
		}
	}

	public static Due on(LocalDate date) {
		return new Due(date, null, null);
	}

	public static Due atNextMeetingOf(BodyId body) {
		return new Due(null, body, null);
	}

	/** The last day to report back on, if the due is fixed in time. */
	public boolean hasDate() {
		return this.date != null;
	}

}
