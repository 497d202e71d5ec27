package org.matterflow.kernel.meeting;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import org.matterflow.kernel.Check;
import org.matterflow.kernel.InvalidValue;

/**
 * When a meeting takes place, in the region's local time. Minutes give a date and often a
 * time span ("kl 13.00 – 16.30"); a tentatively set date may have no time yet.
 */
public record MeetingTime(LocalDate date, LocalTime start, LocalTime end) {

	/** Meetings of the collaboration structure are held in Sweden. */
	public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

	public MeetingTime {
		Check.required(date, "date");
		if (start != null && end != null && !end.isAfter(start)) {
			throw new InvalidValue("end", "a meeting must end after it starts (" + start + " – " + end + ")");
		}
	}

	/** The moment it starts; the start of the day when no time is set. */
	public LocalDateTime startsAt() {
		return (this.start != null) ? this.date.atTime(this.start) : this.date.atStartOfDay();
	}

	public boolean isBefore(MeetingTime other) {
		return startsAt().isBefore(other.startsAt());
	}

}
