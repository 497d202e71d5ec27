package org.matterflow.query.meetings;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.matterflow.kernel.InvalidValue;
import org.matterflow.kernel.meeting.MeetingTime;
import org.matterflow.query.common.ReadYourWrites;
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
		if (last.isBefore(first)) {
			throw new InvalidValue("to", "the period ends (" + last + ") before it starts (" + first + ")");
		}
		String schema = this.consistency.schemaAfter(MeetingsReadModel.NAME, position);
		String name = (body != null) ? this.queries.bodyName(schema, body) : "matterflow";
		String calendar = MeetingCalendar.of(name, this.queries.calendarEntries(schema, first, last, body));
		return ResponseEntity.ok()
			.contentType(CALENDAR)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline()
						.filename(((body != null) ? body : "matterflow") + ".ics")
						.build()
						.toString())
			.body(calendar.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * That the body is known to the meetings read model, once it has read
	 * {@code position}.
	 */
	public void requireBody(String body, Long position) {
		this.queries.bodyName(this.consistency.schemaAfter(MeetingsReadModel.NAME, position), body);
	}

}
