package org.matterflow.kernel.meeting;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.matterflow.kernel.Check;
import org.matterflow.kernel.InvalidValue;

/**
 * When a meeting takes place, in the region's local time. Minutes give a date and often a
 * time span ("kl 13.00 – 16.30"); a tentatively set date may have no time yet. Some
 * minutes do not say their date at all; then {@code precision} says how much of
 * {@code date} is known (a protocol known only to be from 2024 is dated 2024-01-01 with
 * precision {@code YEAR}), so that nothing pretends to know the day.
 */
public record MeetingTime(LocalDate date, LocalTime start, LocalTime end, DatePrecision precision) {

	/** How much of a meeting's date the record knows. */
	public enum DatePrecision {

		DAY, MONTH, YEAR

	}

	/** Meetings of the collaboration structure are held in Sweden. */
	public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

	@JsonCreator
	public MeetingTime {
		Check.required(date, "date");
		precision = (precision != null) ? precision : DatePrecision.DAY;
		if (precision != DatePrecision.DAY && (start != null || end != null || date.getDayOfMonth() != 1
				|| (precision == DatePrecision.YEAR && date.getMonthValue() != 1))) {
			throw new InvalidValue("precision",
					"a date known only to the " + precision.name().toLowerCase(java.util.Locale.ROOT)
							+ " is written as its first day, without a time");
		}
		if (start != null && end != null && !end.isAfter(start)) {
			throw new InvalidValue("end", "a meeting must end after it starts (" + start + " – " + end + ")");
		}
	}

	public MeetingTime(LocalDate date, LocalTime start, LocalTime end) {
		this(date, start, end, DatePrecision.DAY);
	}

	/** The moment it starts; the start of the day when no time is set. */
	public LocalDateTime startsAt() {
		return (this.start != null) ? this.date.atTime(this.start) : this.date.atStartOfDay();
	}

	public boolean isBefore(MeetingTime other) {
		return startsAt().isBefore(other.startsAt());
	}

}
