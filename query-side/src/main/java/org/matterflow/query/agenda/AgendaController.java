package org.matterflow.query.agenda;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.matterflow.kernel.meeting.MeetingTime;
import org.matterflow.query.common.Json;
import org.matterflow.query.common.NotFound;
import org.matterflow.query.common.ReadYourWrites;
import org.matterflow.query.common.Sql;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.matterflow.query.common.Rows.text;

@RestController
@Tag(name = "Agenda")
public class AgendaController {

	private final JdbcClient jdbc;

	private final ReadYourWrites consistency;

	AgendaController(JdbcClient jdbc, ReadYourWrites consistency) {
		this.jdbc = jdbc;
		this.consistency = consistency;
	}

	@GetMapping("/api/bodies/{bodyId}/agenda")
	@Operation(
			summary = "The current agenda of a body: its next meeting with the items in order, items deferred to it, "
					+ "matters referred to it that are not yet on an agenda, and its backlog. 'on' asks as of another day.")
	Map<String, Object> agenda(@PathVariable String bodyId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
			@RequestParam(required = false) Long position) {
		Sql sql = new Sql(this.consistency.schemaAfter(AgendaReadModel.NAME, position));
		LocalDate day = (on != null) ? on : LocalDate.now(MeetingTime.ZONE);
		String name = this.jdbc.sql(sql.of("SELECT name FROM {s}.body WHERE body_id = ?"))
			.param(bodyId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new NotFound("body", bodyId));
		Map<String, Object> agenda = new LinkedHashMap<>();
		agenda.put("bodyId", bodyId);
		agenda.put("bodyName", name);
		agenda.put("on", day.toString());
		agenda.put("nextMeeting", nextMeeting(sql, bodyId, day));
		agenda.put("deferredItems", this.jdbc.sql(sql
			.of("SELECT d.*, f.date AS from_date FROM {s}.deferral d JOIN {s}.meeting f ON f.meeting_id = d.from_meeting "
					+ "WHERE d.target_body = ? AND NOT d.resolved AND d.deferred_on <= ? ORDER BY d.deferred_on, d.item_id"))
			.params(bodyId, day)
			.query()
			.listOfRows()
			.stream()
			.map((row) -> {
				Map<String, Object> deferred = new LinkedHashMap<>();
				deferred.put("fromMeeting", row.get("from_meeting"));
				deferred.put("itemId", row.get("item_id"));
				deferred.put("title", row.get("title"));
				deferred.put("matterId", row.get("matter_id"));
				deferred.put("toMeeting", row.get("to_meeting"));
				deferred.put("toBacklog", row.get("to_backlog"));
				deferred.put("reason", row.get("reason"));
				deferred.put("deferredOn", text(row.get("deferred_on")));
				return deferred;
			})
			.toList());
		agenda.put("referredMatters", pending(sql, bodyId, "REFERRAL", day));
		agenda.put("backlog", pending(sql, bodyId, "BACKLOG", day));
		return agenda;
	}

	private Map<String, Object> nextMeeting(Sql sql, String bodyId, LocalDate day) {
		return this.jdbc.sql(sql
			.of("SELECT * FROM {s}.meeting WHERE body_id = ? AND status <> 'CANCELLED' AND (date > ? OR (date = ? AND status IN ('SCHEDULED', 'OPENED'))) "
					+ "ORDER BY date, start_time NULLS FIRST LIMIT 1"))
			.params(bodyId, day, day)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.map((row) -> {
				Map<String, Object> meeting = new LinkedHashMap<>();
				meeting.put("meetingId", row.get("meeting_id"));
				meeting.put("title", row.get("title"));
				meeting.put("date", text(row.get("date")));
				meeting.put("start", text(row.get("start_time")));
				meeting.put("end", text(row.get("end_time")));
				meeting.put("location", row.get("location"));
				meeting.put("tentative", row.get("tentative"));
				meeting.put("status", row.get("status"));
				meeting.put("items", this.jdbc
					.sql(sql.of("SELECT * FROM {s}.item WHERE meeting_id = ? AND NOT withdrawn ORDER BY ordinal"))
					.param(row.get("meeting_id"))
					.query()
					.listOfRows()
					.stream()
					.map((item) -> {
						Map<String, Object> entry = new LinkedHashMap<>();
						entry.put("itemId", item.get("item_id"));
						entry.put("position", item.get("ordinal"));
						entry.put("title", item.get("title"));
						entry.put("kind", item.get("kind"));
						entry.put("matterId", item.get("matter_id"));
						entry.put("presenters", Json.read(String.valueOf(item.get("presenters"))));
						entry.put("guests", Json.read(String.valueOf(item.get("guests"))));
						entry.put("documents", Json.read(String.valueOf(item.get("documents"))));
						return entry;
					})
					.toList());
				return meeting;
			})
			.orElse(null);
	}

	private List<Map<String, Object>> pending(Sql sql, String bodyId, String source, LocalDate day) {
		return this.jdbc
			.sql(sql.of("SELECT p.*, m.title FROM {s}.pending p JOIN {s}.matter m ON m.matter_id = p.matter_id "
					+ "WHERE p.body_id = ? AND p.source = ? AND NOT p.resolved AND NOT m.closed AND (p.since IS NULL OR p.since <= ?) "
					+ "ORDER BY p.priority NULLS LAST, p.since, m.title"))
			.params(bodyId, source, day)
			.query()
			.listOfRows()
			.stream()
			.map((row) -> {
				Map<String, Object> matter = new LinkedHashMap<>();
				matter.put("matterId", row.get("matter_id"));
				matter.put("title", row.get("title"));
				matter.put("fromBody", row.get("from_body"));
				matter.put("purpose", row.get("purpose"));
				matter.put("priority", row.get("priority"));
				matter.put("note", row.get("note"));
				matter.put("atMeeting", row.get("at_meeting"));
				matter.put("since", text(row.get("since")));
				return matter;
			})
			.toList();
	}

}
