package org.matterflow.command.common;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.matterflow.kernel.meeting.MeetingTime;
import org.matterflow.kernel.meeting.MeetingTime.DatePrecision;

/**
 * The metadata every event carries: who recorded it and when, the correlation and
 * causation ids, and the business date the event took effect. Auditors need both times,
 * because minutes are often recorded days after the meeting.
 */
public final class RecordMetadata {

	public static final String RECORDED_BY = "recordedBy";

	public static final String RECORDED_AT = "recordedAt";

	public static final String CORRELATION_ID = "correlationId";

	public static final String CAUSATION_ID = "causationId";

	public static final String BUSINESS_DATE = "businessDate";

	/**
	 * {@code MONTH} or {@code YEAR} when the business date is known only to its month or
	 * year; for a day absent, or {@code DAY} on the first of a month
	 * ({@link #namesPrecision}) and where the aggregate sets the date of an event whose
	 * command carried a precision (BusinessDate,
	 * {@link #tookEffectOn(LocalDate, DatePrecision)}).
	 */
	public static final String BUSINESS_DATE_PRECISION = "businessDatePrecision";

	/** Sent with a command by a client that wants a stale write refused. */
	public static final String EXPECTED_VERSION = "expectedVersion";

	/**
	 * Who records events that no person caused, such as an assignment becoming overdue.
	 */
	public static final String SYSTEM = "matterflow";

	private RecordMetadata() {
	}

	/**
	 * Metadata for an event that took effect on the given day, whenever it is recorded.
	 */
	public static MetaData tookEffectOn(LocalDate date) {
		return tookEffectOn(date, DatePrecision.DAY);
	}

	/**
	 * Metadata for an event that took effect on a day known to the given precision (a
	 * meeting of an undated protocol). A day is written as {@code DAY} only when the
	 * command being handled carried a precision (a {@code Business-Date} of a year): the
	 * event takes over the command's metadata, and would otherwise keep that precision
	 * beside a date it does not belong to. Every other event of a day carries none, as
	 * every event recorded before precisions were kept, unless it is dated on the first
	 * of a month ({@link #namesPrecision}).
	 */
	public static MetaData tookEffectOn(LocalDate date, DatePrecision precision) {
		MetaData tookEffect = MetaData.with(BUSINESS_DATE, date.toString());
		return (namesPrecision(date, precision) || commandCarriesPrecision())
				? tookEffect.and(BUSINESS_DATE_PRECISION, precision.name()) : tookEffect;
	}

	/**
	 * Whether an event dated so writes its precision beside the date: a month or a year
	 * always, and a day only on the first of a month. A month or a year is dated on its
	 * first day, and events recorded before precisions were kept carry none, so the read
	 * models take the precision of its meeting for an event without one dated on a first
	 * (DatePrecisions on the query side). Written there, a day is read as it is told,
	 * without a look at any meeting; on the other days of a month, the key is left out of
	 * every event of a day.
	 */
	public static boolean namesPrecision(LocalDate date, DatePrecision precision) {
		return precision != DatePrecision.DAY || date.getDayOfMonth() == 1;
	}

	private static boolean commandCarriesPrecision() {
		return CurrentUnitOfWork.isStarted()
				&& CurrentUnitOfWork.get().getMessage().getMetaData().containsKey(BUSINESS_DATE_PRECISION);
	}

	/**
	 * Metadata for what matterflow records itself, no person having asked (an overdue, a
	 * dissolved body's meeting cancelled), taking effect on the given day.
	 */
	public static MetaData byMatterflowOn(LocalDate date) {
		return tookEffectOn(date).and(RECORDED_BY, SYSTEM);
	}

	/**
	 * The day, in the region's time zone, a command was recorded, from its
	 * {@link #RECORDED_AT} stamp. Unlike the business date, which a client may set to an
	 * earlier day, the stamp is always the command side's own clock. A command without a
	 * stamp (an aggregate's test fixture) counts as recorded now.
	 */
	public static LocalDate recordedOn(String recordedAt) {
		return LocalDate.ofInstant((recordedAt != null) ? Instant.parse(recordedAt) : Instant.now(), MeetingTime.ZONE);
	}

}
