package org.matterflow.query.common;

import org.matterflow.kernel.meeting.MeetingTime;

/**
 * How precisely a date is known. A meeting of an undated protocol is dated to its month
 * or year, its date the span's first day (MeetingTime), and what was recorded at it
 * carries the same precision beside its business date (the {@code businessDatePrecision}
 * metadata). Read models keep {@code MONTH} or {@code YEAR}, and nothing for a day; the
 * API shows {@code DAY}, {@code MONTH} or {@code YEAR} beside every such date.
 */
public final class DatePrecisions {

	private DatePrecisions() {
	}

	/**
	 * What a read model keeps of an event's {@code businessDatePrecision}: {@code null}
	 * for a day, or for none (every event recorded before precisions were kept).
	 */
	public static String stored(Object precision) {
		return (precision == null || "DAY".equals(precision)) ? null : precision.toString();
	}

	/** What a read model keeps of a meeting's precision. */
	public static String stored(MeetingTime time) {
		return stored(time.precision().name());
	}

	/**
	 * What the API shows beside a date: none without a date, else {@code DAY} at least.
	 */
	public static String shown(Object date, Object stored) {
		return (date == null) ? null : (stored != null) ? stored.toString() : "DAY";
	}

	/** The same, in SQL, for answers built by the database. */
	public static String shownInSql(String dateColumn, String precisionColumn) {
		return "CASE WHEN %1$s IS NULL THEN NULL ELSE COALESCE(%2$s, 'DAY') END".formatted(dateColumn, precisionColumn);
	}

}
