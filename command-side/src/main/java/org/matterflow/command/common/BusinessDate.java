package org.matterflow.command.common;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.matterflow.kernel.meeting.MeetingTime.DatePrecision;

/**
 * The day a change took effect, as precisely as the record knows it. An old protocol may
 * state only its year or month (a council protocol of 2024 without a date); what was
 * recorded at it then took effect on a day known only to that year or month. The date is
 * the first day of that span, as a meeting's is (MeetingTime), so every reader that sorts
 * or compares by day still can; the precision tells a reader not to take the day
 * literally.
 */
public record BusinessDate(LocalDate date, DatePrecision precision) {

	public BusinessDate {
		precision = (precision != null) ? precision : DatePrecision.DAY;
	}

	public static BusinessDate of(LocalDate date) {
		return new BusinessDate(date, DatePrecision.DAY);
	}

	/**
	 * A day ({@code 2025-01-22}), a month ({@code 2024-03}) or a year ({@code 2024}).
	 * @throws DateTimeParseException for anything else
	 */
	public static BusinessDate parse(String text) {
		String value = text.strip();
		if (value.matches("\\d{4}")) {
			return new BusinessDate(LocalDate.of(Integer.parseInt(value), 1, 1), DatePrecision.YEAR);
		}
		if (value.matches("\\d{4}-\\d{2}")) {
			return new BusinessDate(YearMonth.parse(value).atDay(1), DatePrecision.MONTH);
		}
		return of(LocalDate.parse(value));
	}

	/**
	 * The day a change recorded today took effect at the latest: this one, or today if
	 * this lies ahead. A span that has begun keeps its precision: an entry of a protocol
	 * dated to this year took effect this year.
	 */
	public BusinessDate atLatest(LocalDate today) {
		return this.date.isAfter(today) ? of(today) : this;
	}

	/**
	 * Into an event's metadata: the date always, and the precision when it is not a day
	 * or the day is the first of a month (RecordMetadata#namesPrecision), so that every
	 * event recorded before precisions were kept reads as a day, as it was.
	 */
	public void putInto(Map<String, Object> metadata) {
		metadata.put(RecordMetadata.BUSINESS_DATE, this.date.toString());
		if (RecordMetadata.namesPrecision(this.date, this.precision)) {
			metadata.put(RecordMetadata.BUSINESS_DATE_PRECISION, this.precision.name());
		}
	}

}
