package org.matterflow.query.assignments;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.matterflow.kernel.InvalidValue;
import org.matterflow.kernel.meeting.MeetingTime;
import org.matterflow.query.common.DatePrecisions;
import org.matterflow.query.common.Json;
import org.matterflow.query.common.NotFound;
import org.matterflow.query.common.Page;
import org.matterflow.query.common.ReadYourWrites;
import org.matterflow.query.common.Sql;
import org.matterflow.query.common.SwedishOrder;
import org.matterflow.query.common.WordSearch;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.matterflow.query.common.Rows.text;

@RestController
@Tag(name = "Assignments")
public class AssignmentController {

	private static final List<String> STATUSES = List.of("open", "completed", "withdrawn", "all");

	/**
	 * Whether an assignment is overdue, today the parameter; without a due date the
	 * comparison is NULL, which is not an answer to "overdue?".
	 */
	private static final String OVERDUE = "(a.status = 'OPEN' AND (a.overdue OR COALESCE(a.due_date < ? AND NOT a.reported_back, false)))";

	private final JdbcClient jdbc;

	private final ReadYourWrites consistency;

	AssignmentController(JdbcClient jdbc, ReadYourWrites consistency) {
		this.jdbc = jdbc;
		this.consistency = consistency;
	}

	/**
	 * An assignment is overdue when its deadline fired, or when its day has passed
	 * without a report back (the deadline may not have fired yet).
	 * <p>
	 * An open assignment due at a meeting needs a new due when that meeting was
	 * cancelled, or when the body whose next meeting it is due at was dissolved: the
	 * report cannot be given there, and where it goes instead is the secretary's call
	 * (ADR 0014). Without a date no meeting will make it overdue; with one, its date
	 * still does, and until then it is marked too. Reported back or overdue already, it
	 * needs none.
	 */
	@GetMapping("/api/assignments")
	@ApiResponse(responseCode = "200", description = "the assignments, by due day (none last), day handed out, id",
			headers = @Header(name = "Link", description = Page.NEXT_LINK))
	@Operation(
			summary = "Assignments, open ones by default; filter by assignee (a person or a body), body, matter, overdue, due before, needing a new due, words of the description (every word asked for, inflected or within a compound; at most 32); a Link header with rel=next reads the page after")
	ResponseEntity<List<Map<String, Object>>> assignments(@RequestParam(defaultValue = "open") String status,
			@RequestParam(required = false) String assignee, @RequestParam(required = false) String body,
			@RequestParam(required = false) String matter, @RequestParam(required = false) Boolean overdue,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueBefore,
			@RequestParam(required = false) Boolean needsNewDue, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "500") int limit, @RequestParam(required = false) String after,
			@RequestParam(required = false) Long position) {
		String wanted = status.toLowerCase(Locale.ROOT);
		if (!STATUSES.contains(wanted)) {
			throw new InvalidValue("status", "status must be one of " + STATUSES + ", but was '" + status + "'");
		}
		if (limit < 1 || limit > 5000) {
			throw new InvalidValue("limit", "limit must be between 1 and 5000");
		}
		Sql sql = new Sql(this.consistency.schemaAfter(AssignmentsReadModel.NAME, position));
		LocalDate today = LocalDate.now(MeetingTime.ZONE);
		StringBuilder where = new StringBuilder(" WHERE true");
		List<Object> params = new ArrayList<>(List.of(today));
		if (!"all".equals(wanted)) {
			where.append(" AND a.status = ?");
			params.add(wanted.toUpperCase(Locale.ROOT));
		}
		if (assignee != null) {
			where.append(
					" AND EXISTS (SELECT 1 FROM {s}.assignee x WHERE x.assignment_id = a.assignment_id AND x.assignee_id = ?)");
			params.add(assignee);
		}
		if (body != null) {
			where.append(" AND a.body_id = ?");
			params.add(body);
		}
		if (matter != null) {
			where.append(" AND a.matter_id = ?");
			params.add(matter);
		}
		if (dueBefore != null) {
			where.append(" AND a.due_date < ?");
			params.add(dueBefore);
		}
		if (overdue != null) {
			where.append(" AND " + OVERDUE + " = ?");
			params.add(today);
			params.add(overdue);
		}
		if (needsNewDue != null) {
			// as needsNewDueBecause below decides it for one row
			where.append(" AND (a.status = 'OPEN' AND NOT a.reported_back AND NOT " + OVERDUE
					+ " AND (cm.meeting_id IS NOT NULL OR db.dissolved_on IS NOT NULL)) = ?");
			params.add(today);
			params.add(needsNewDue);
		}
		if (q != null && !q.isBlank()) {
			where.append(" AND EXISTS (SELECT 1 FROM {s}.assignment_words w WHERE w.assignment_id = a.assignment_id");
			WordSearch.append(where, params, "w", q);
			where.append(")");
		}
		if (after != null) {
			// the list's order, with an empty day as the last of days
			AssignmentCursor cursor = AssignmentCursor.parse(after);
			where.append(" AND (COALESCE(a.due_date, 'infinity'), COALESCE(a.handed_out_on, 'infinity'), "
					+ "a.assignment_id) > (?::date, ?::date, ?)");
			params.add(cursor.due());
			params.add(cursor.handedOut());
			params.add(cursor.assignment());
		}
		String query = select(where.toString())
				+ " ORDER BY a.due_date NULLS LAST, a.handed_out_on, a.assignment_id LIMIT ?";
		params.add(limit + 1);
		List<Map<String, Object>> rows = this.jdbc.sql(sql.of(query)).params(params).query().listOfRows();
		return Page.of(rows, limit, (row) -> AssignmentCursor.of(row).toString(), AssignmentController::view);
	}

	/**
	 * One assignment as the list shows it, for a client that holds its id: the answer to
	 * the command that handed it out, a link from the minutes or a reminder.
	 */
	@GetMapping("/api/assignments/{assignmentId}")
	@Operation(summary = "One assignment as the list shows it: assignees, due, status, overdue, reported back, "
			+ "whether it needs a new due")
	Map<String, Object> assignment(@PathVariable String assignmentId, @RequestParam(required = false) Long position) {
		Sql sql = new Sql(this.consistency.schemaAfter(AssignmentsReadModel.NAME, position));
		return this.jdbc.sql(sql.of(select(" WHERE a.assignment_id = ?")))
			.params(LocalDate.now(MeetingTime.ZONE), assignmentId)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.map(AssignmentController::view)
			.orElseThrow(() -> new NotFound("assignment", assignmentId));
	}

	/**
	 * The list's statement for the assignments {@code where} selects, its first parameter
	 * today.
	 */
	private static String select(String where) {
		// The assignees and the body's name in the same statement (one round trip and
		// one snapshot for the whole list), as subqueries: PostgreSQL plans the statement
		// afresh at every call, and each relation joined multiplies the join orders it
		// weighs against the person's assignee rows (0.6-0.8 ms of planning with the body
		// joined too, 0.3 without, for a person's list that executes in 0.1 ms;
		// docs/performance.md). The cancelled meeting and the dissolved body stay joins:
		// as subqueries a small table is scanned once for every row of a long page.
		// A body recorded without a name (an import may name it by id alone) is listed by
		// its name.
		String assignees = "(SELECT COALESCE(json_agg(json_build_object('kind', x.kind, 'id', x.assignee_id, 'name', "
				+ "COALESCE(x.name, CASE WHEN x.kind = 'BODY' THEN (SELECT n.name FROM {s}.body n WHERE n.body_id = x.assignee_id) END)) "
				+ "ORDER BY x.assignee_id), '[]'::json) FROM {s}.assignee x WHERE x.assignment_id = a.assignment_id)";
		return "SELECT a.*, (SELECT b.name FROM {s}.body b WHERE b.body_id = a.body_id) AS body_name, " + OVERDUE
				+ " AS is_overdue, " + assignees + " AS assignee_list, "
				+ "cm.meeting_id AS cancelled_meeting, cm.cancelled_on, cm.reason AS cancelled_because, "
				+ "db.name AS due_body_name, db.dissolved_on AS due_body_dissolved_on FROM {s}.assignment a "
				+ "LEFT JOIN {s}.cancelled_meeting cm ON cm.meeting_id = a.due_at_meeting "
				+ "LEFT JOIN {s}.body db ON db.body_id = a.due_at_meeting_of" + where;
	}

	private static Map<String, Object> view(Map<String, Object> row) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("assignmentId", row.get("assignment_id"));
		view.put("bodyId", row.get("body_id"));
		view.put("bodyName", row.get("body_name"));
		view.put("meetingId", row.get("meeting_id"));
		view.put("itemId", row.get("item_id"));
		view.put("matterId", row.get("matter_id"));
		view.put("description", row.get("description"));
		view.put("kind", row.get("kind"));
		view.put("assignees", assignees(row.get("assignee_list")));
		Map<String, Object> due = new LinkedHashMap<>();
		due.put("date", text(row.get("due_date")));
		due.put("atMeeting", row.get("due_at_meeting"));
		due.put("atMeetingOf", row.get("due_at_meeting_of"));
		view.put("due", due);
		view.put("status", row.get("status"));
		view.put("overdue", row.get("is_overdue"));
		view.put("reportedBack", row.get("reported_back"));
		view.put("lastReport", row.get("last_report"));
		String needsNewDueBecause = needsNewDueBecause(row);
		view.put("needsNewDue", needsNewDueBecause != null);
		view.put("needsNewDueBecause", needsNewDueBecause);
		view.put("handedOutOn", text(row.get("handed_out_on")));
		view.put("handedOutOnPrecision",
				DatePrecisions.shown(row.get("handed_out_on"), row.get("handed_out_on_precision")));
		view.put("finishedOn", text(row.get("finished_on")));
		return view;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> assignees(Object json) {
		Object assignees = Json.read((json != null) ? json.toString() : null);
		return (assignees != null) ? SwedishOrder.byName((List<Map<String, Object>>) assignees, "name") : null;
	}

	private static String needsNewDueBecause(Map<String, Object> row) {
		if (!"OPEN".equals(row.get("status")) || Boolean.TRUE.equals(row.get("reported_back"))
				|| Boolean.TRUE.equals(row.get("is_overdue"))) {
			return null;
		}
		Object date = row.get("due_date");
		String stillHolds = (date != null) ? "; its date, " + text(date) + ", still holds" : "";
		if (row.get("cancelled_meeting") != null) {
			Object on = row.get("cancelled_on");
			Object reason = row.get("cancelled_because");
			return "the meeting it is due at was cancelled" + ((on != null) ? " on " + text(on) : "")
					+ ((reason != null) ? ": " + reason : "") + stillHolds;
		}
		if (row.get("due_body_dissolved_on") != null) {
			return row.get("due_body_name") + " was dissolved on " + text(row.get("due_body_dissolved_on"))
					+ stillHolds;
		}
		return null;
	}

}
