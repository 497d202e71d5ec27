package org.matterflow.query.meetings;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.matterflow.query.common.Period;
import org.matterflow.query.common.ReadYourWrites;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Meetings and calendar")
public class MeetingController {

	private final MeetingQueries queries;

	private final ReadYourWrites consistency;

	private final CalendarFiles calendars;

	MeetingController(MeetingQueries queries, ReadYourWrites consistency, CalendarFiles calendars) {
		this.queries = queries;
		this.consistency = consistency;
		this.calendars = calendars;
	}

	@GetMapping("/api/meetings/{meetingId}")
	@Operation(
			summary = "One meeting: status, agenda in order with decisions, attendance, adjuster, minutes and corrections")
	Map<String, Object> meeting(@PathVariable String meetingId, @Parameter(
			description = "answer once the view has processed this position (from a command's answer)") @RequestParam(
					required = false) Long position) {
		return this.queries.meeting(this.consistency.schemaAfter(MeetingsReadModel.NAME, position), meetingId);
	}

	@GetMapping(path = "/api/meetings/{meetingId}/minutes", produces = MediaType.TEXT_HTML_VALUE)
	@Operation(summary = "The minutes as a document (HTML, in Swedish), for reading, printing and the archive",
			description = "Heading, day and place, participants by how they took part, the items numbered as held "
					+ "with discussion, decisions and documents, whether the minutes are adjusted and by whom, and "
					+ "the corrections after the record they correct. Before the meeting it is the notice with the "
					+ "agenda.")
	ResponseEntity<String> minutes(@PathVariable String meetingId, @Parameter(
			description = "answer once the view has processed this position (from a command's answer)") @RequestParam(
					required = false) Long position) {
		Map<String, Object> meeting = this.queries
			.meeting(this.consistency.schemaAfter(MeetingsReadModel.NAME, position), meetingId);
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.header("Content-Security-Policy", MinutesDocument.CONTENT_SECURITY_POLICY)
			.body(MinutesDocument.render(meeting));
	}

	@GetMapping("/api/calendar")
	@Operation(summary = "The annual wheel: meetings in a period, per body, rescheduled and cancelled ones marked")
	List<Map<String, Object>> calendar(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String body, @RequestParam(required = false) Long position) {
		Period.requireOrdered(from, "to", to);
		return this.queries.calendar(this.consistency.schemaAfter(MeetingsReadModel.NAME, position), from, to, body);
	}

	@GetMapping(path = "/api/calendar.ics", produces = "text/calendar")
	@Operation(summary = "The annual wheel as iCalendar (RFC 5545), for calendar programs to subscribe to",
			description = "One event per meeting whose day is known, its UID the meeting's id: a rescheduled or "
					+ "cancelled meeting replaces the event (STATUS:CANCELLED, SEQUENCE raised). Times in UTC. "
					+ "Without from and to: from a year ago to two years ahead.")
	ResponseEntity<byte[]> calendarFile(
			@RequestParam(required = false) @Parameter(
					description = "first day; a year before today when left out") @DateTimeFormat(
							iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @Parameter(
					description = "last day; two years after today when left out") @DateTimeFormat(
							iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String body, @RequestParam(required = false) Long position) {
		return this.calendars.answer(body, from, to, position);
	}

}
