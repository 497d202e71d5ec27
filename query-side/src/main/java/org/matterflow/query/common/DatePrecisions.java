package org.matterflow.query.common;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.axonframework.messaging.MetaData;
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

	/**
	 * The precision of an event's business date as a read model keeps it, or, for an
	 * event that carries none, the meetings whose precision it may take: the one it
	 * happened at and the one whose record imported it, if either is dated on that day.
	 * Events recorded before precisions were kept carry none, and those of an undated
	 * protocol are dated on its meeting's first day of the year or month: they took
	 * effect as precisely as the meeting is known, and every store knows that. An event
	 * that carries a precision, {@code DAY} included, is taken at its word: the command
	 * side now names {@code DAY} on every event dated on the first of a month, so only
	 * events of a store recorded before that need a meeting's.
	 */
	public static Inferred inferred(MetaData metadata, String atMeeting) {
		Object businessDate = metadata.get("businessDate");
		if (businessDate == null) {
			return Inferred.NONE;
		}
		if (metadata.containsKey("businessDatePrecision")) {
			return new Inferred(stored(metadata.get("businessDatePrecision")), null, null, null);
		}
		// a month or a year is dated on its first day: any other day is known to the day.
		// Told by the ISO date's text, not parsed: nearly every event of a day asks this,
		// and the step's handler parses its date already
		String day = businessDate.toString();
		if (!day.endsWith("-01")) {
			return Inferred.NONE;
		}
		String imported = importedMeeting(metadata.get("correlationId"));
		if (atMeeting == null && imported == null) {
			return Inferred.NONE;
		}
		return new Inferred(null, atMeeting, imported, LocalDate.parse(day));
	}

	/**
	 * The subject of an import's correlation id ({@code import:<subject>:<digest>},
	 * docs/meeting-records.md): for a meeting record, the meeting.
	 */
	static String importedMeeting(Object correlationId) {
		String correlation = (correlationId != null) ? correlationId.toString() : "";
		int digest = correlation.lastIndexOf(':');
		return (correlation.startsWith("import:") && digest > "import:".length())
				? correlation.substring("import:".length(), digest) : null;
	}

	/**
	 * A statement's parameters, each {@link Inferred} among them standing for its own
	 * parameters ({@link Inferred#params()}) in its place.
	 */
	public static Object[] params(Object... values) {
		List<Object> params = new ArrayList<>(values.length + 3);
		for (Object value : values) {
			if (value instanceof Inferred inferred) {
				params.addAll(Arrays.asList(inferred.params()));
			}
			else {
				params.add(value);
			}
		}
		return params.toArray();
	}

	/**
	 * A precision, or the meetings it may be taken from: see {@link #inferred}. Events
	 * recorded since precisions were kept need no meeting's; only those that may are
	 * written with the statement that reads one, so that the others' writes wait on no
	 * write of a meeting (Statements batches a transaction's writes by statement, in an
	 * order that keeps what each reads).
	 */
	public record Inferred(String stored, String atMeeting, String imported, LocalDate date) {

		static final Inferred NONE = new Inferred(null, null, null, null);

		private boolean fromMeeting() {
			return this.date != null;
		}

		/**
		 * The precision in SQL: a parameter, or the first meeting's of the table (with
		 * {@code meeting_id}, {@code date} and {@code date_precision}) dated on the day.
		 */
		public String sql(String meetingTable) {
			return fromMeeting() ? "(SELECT m.date_precision FROM " + meetingTable
					+ " m WHERE m.meeting_id IN (?, ?) AND m.date = ? LIMIT 1)" : "?";
		}

		/** The parameters of {@link #sql(String)}, in order. */
		public Object[] params() {
			return fromMeeting() ? new Object[] { this.atMeeting, this.imported, this.date }
					: new Object[] { this.stored };
		}

	}

}
