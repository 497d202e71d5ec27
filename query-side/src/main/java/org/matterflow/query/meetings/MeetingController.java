package org.matterflow.query.meetings;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.matterflow.kernel.InvalidValue;
import org.matterflow.query.common.ReadYourWrites;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Meetings and calendar")
public class MeetingController {

	private final MeetingQueries queries;

	private final ReadYourWrites consistency;

	MeetingController(MeetingQueries queries, ReadYourWrites consistency) {
		this.queries = queries;
		this.consistency = consistency;
	}

	@GetMapping("/api/meetings/{meetingId}")
	@Operation(
			summary = "One meeting: status, agenda in order with decisions, attendance, adjuster, minutes and corrections")
	Map<String, Object> meeting(@PathVariable String meetingId, @Parameter(
			description = "answer once the view has processed this position (from a command's answer)") @RequestParam(
					required = false) Long position) {
		return this.queries.meeting(this.consistency.schemaAfter(MeetingsReadModel.NAME, position), meetingId);
	}

	@GetMapping("/api/calendar")
	@Operation(summary = "The annual wheel: meetings in a period, per body, rescheduled and cancelled ones marked")
	List<Map<String, Object>> calendar(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String body, @RequestParam(required = false) Long position) {
		if (to.isBefore(from)) {
			throw new InvalidValue("to", "the period ends (" + to + ") before it starts (" + from + ")");
		}
		return this.queries.calendar(this.consistency.schemaAfter(MeetingsReadModel.NAME, position), from, to, body);
	}

}
