package org.matterflow.query.meetings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Base64;

import org.matterflow.kernel.meeting.MeetingTime;
import org.matterflow.query.common.NotFound;
import org.matterflow.query.common.Period;
import org.matterflow.query.common.ReadYourWrites;
import org.matterflow.query.common.UnknownReference;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The calendar file as the query API answers it, to a signed-in reader and at a calendar
 * address alike.
 */
@Component
public class CalendarFiles {

	private static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

	private final MeetingQueries queries;

	private final ReadYourWrites consistency;

	CalendarFiles(MeetingQueries queries, ReadYourWrites consistency) {
		this.queries = queries;
		this.consistency = consistency;
	}

	/**
	 * The meetings of a body, or of every body when {@code body} is null, from
	 * {@code from} to {@code to}: by default from a year back to two years ahead, what a
	 * subscription that names no period needs.
	 */
	public ResponseEntity<byte[]> answer(String body, LocalDate from, LocalDate to, Long position) {
		LocalDate today = LocalDate.now(MeetingTime.ZONE);
		LocalDate first = (from != null) ? from : today.minusYears(1);
		LocalDate last = (to != null) ? to : today.plusYears(2);
		Period.requireOrdered(first, "to", last);
		String schema = this.consistency.schemaAfter(MeetingsReadModel.NAME, position);
		String name = (body != null) ? this.queries.bodyName(schema, body) : "matterflow";
		byte[] calendar = MeetingCalendar.of(name, this.queries.calendarEntries(schema, first, last, body))
			.getBytes(StandardCharsets.UTF_8);
		// calendar programs read a subscription again every few minutes to hours: with
		// the file's digest as its ETag, Spring answers If-None-Match with 304 and no
		// body, and no-cache (not Spring Security's no-store) lets them keep the file to
		// ask so. The file is the same for the same record: every time in it is the
		// record's own.
		return ResponseEntity.ok()
			.eTag(digest(calendar))
			.cacheControl(CacheControl.noCache().cachePrivate())
			.contentType(CALENDAR)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline()
						.filename(((body != null) ? body : "matterflow") + ".ics")
						.build()
						.toString())
			.body(calendar);
	}

	private static String digest(byte[] file) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(file);
			return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

	/**
	 * That the body is known to the meetings read model, once it has read
	 * {@code position}.
	 */
	public void requireBody(String body, Long position) {
		try {
			this.queries.bodyName(this.consistency.schemaAfter(MeetingsReadModel.NAME, position), body);
		}
		catch (NotFound ex) {
			throw new UnknownReference("body", body);
		}
	}

}
