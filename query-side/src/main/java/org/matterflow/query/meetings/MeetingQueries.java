package org.matterflow.query.meetings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.matterflow.query.common.Json;
import org.matterflow.query.common.Listing;
import org.matterflow.query.common.NotFound;
import org.matterflow.query.common.Rows;
import org.matterflow.query.common.Sql;
import org.matterflow.query.common.SwedishOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads the meetings read model. */
@Component
class MeetingQueries {

	private final JdbcClient jdbc;

	/**
	 * One meeting is read in several statements; in one read-only transaction at
	 * repeatable read they all see the read model as it stood at the first. A batch the
	 * projection commits in between (a decision and the assignment it hands out, a
	 * correction) then shows whole or not at all, in the minutes a reader prints as in
	 * the view.
	 */
	private final TransactionTemplate snapshot;

	MeetingQueries(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.snapshot = new TransactionTemplate(transactions);
		this.snapshot.setReadOnly(true);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
	}

	Map<String, Object> meeting(String schema, String meetingId) {
		return this.snapshot.execute((status) -> meetingAsOfOneSnapshot(schema, meetingId));
	}

	private Map<String, Object> meetingAsOfOneSnapshot(String schema, String meetingId) {
		Sql sql = new Sql(schema);
		Map<String, Object> meeting = this.jdbc
			.sql(sql
				.of("SELECT m.*, b.name AS body_name FROM {s}.meeting m LEFT JOIN {s}.body b ON b.body_id = m.body_id "
						+ "WHERE m.meeting_id = ?"))
			.param(meetingId)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFound("meeting", meetingId));
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("meetingId", meeting.get("meeting_id"));
		view.put("bodyId", meeting.get("body_id"));
		view.put("bodyName", meeting.get("body_name"));
		view.put("title", meeting.get("title"));
		view.put("date", string(meeting.get("date")));
		view.put("start", string(meeting.get("start_time")));
		view.put("end", string(meeting.get("end_time")));
		view.put("datePrecision", meeting.get("date_precision"));
		view.put("location", meeting.get("location"));
		view.put("mode", meeting.get("mode"));
		view.put("tentative", meeting.get("tentative"));
		view.put("status", meeting.get("status"));
		view.put("originallyOn", string(meeting.get("originally_on")));
		view.put("rescheduleReason", meeting.get("reschedule_reason"));
		view.put("cancelReason", meeting.get("cancel_reason"));
		view.put("agendaAdopted", meeting.get("agenda_adopted"));
		view.put("minutes", minutes(meeting));
		Map<String, List<Map<String, Object>>> decisions = decisionsByItem(sql, meetingId);
		Map<String, List<Map<String, Object>>> assignments = byItem(assignments(sql, meetingId));
		Map<String, List<Map<String, Object>>> reports = byItem(reportsBack(sql, meetingId));
		Map<String, List<Map<String, Object>>> referrals = byItem(referrals(sql, meetingId));
		List<Map<String, Object>> agenda = this.jdbc
			.sql(sql.of("SELECT * FROM {s}.agenda_item WHERE meeting_id = ? ORDER BY withdrawn, ordinal"))
			.param(meetingId)
			.query()
			.listOfRows()
			.stream()
			.map((item) -> item(item, decisions, assignments, reports, referrals))
			.toList();
		view.put("agenda", agenda);
		// what the record holds of the meeting under no item of its agenda: referrals and
		// reports back recorded before the record named their item
		agenda.forEach((item) -> {
			reports.remove(item.get("itemId"));
			referrals.remove(item.get("itemId"));
		});
		view.put("reportsBackWithoutItem", reports.values().stream().flatMap(List::stream).toList());
		view.put("referralsWithoutItem", referrals.values().stream().flatMap(List::stream).toList());
		view.put("attendance", SwedishOrder
			.byName(this.jdbc.sql(sql.of("SELECT * FROM {s}.attendance WHERE meeting_id = ? ORDER BY person_id"))
				.param(meetingId)
				.query()
				.listOfRows(), "name")
			.stream()
			.map((row) -> {
				Map<String, Object> attendee = new LinkedHashMap<>();
				attendee.put("personId", row.get("person_id"));
				attendee.put("name", row.get("name"));
				attendee.put("organisation", row.get("organisation"));
				attendee.put("status", row.get("status"));
				attendee.put("items", Json.read(String.valueOf(row.get("items"))));
				return attendee;
			})
			.toList());
		view.put("corrections",
				this.jdbc.sql(sql.of("SELECT * FROM {s}.correction WHERE meeting_id = ? ORDER BY recorded_at"))
					.param(meetingId)
					.query()
					.listOfRows()
					.stream()
					.map((row) -> {
						Map<String, Object> correction = new LinkedHashMap<>();
						correction.put("correctionId", row.get("correction_id"));
						correction.put("itemId", row.get("item_id"));
						correction.put("decisionId", row.get("decision_id"));
						correction.put("what", row.get("what"));
						correction.put("correction", row.get("correction"));
						correction.put("reason", row.get("reason"));
						correction.put("recordedAt", string(row.get("recorded_at")));
						correction.put("recordedBy", row.get("recorded_by"));
						return correction;
					})
					.toList());
		return view;
	}

	List<Map<String, Object>> calendar(String schema, LocalDate from, LocalDate to, String bodyId) {
		List<Map<String, Object>> rows = inPeriod(schema,
				"m.meeting_id, m.body_id, b.name AS body_name, m.title, m.date, m.start_time, "
						+ "m.end_time, m.date_precision, m.location, m.mode, m.tentative, m.status, m.originally_on, "
						+ "m.reschedule_reason, m.cancel_reason",
				"true", from, to, bodyId);
		return Listing.of(rows, MeetingQueries::calendarEntry);
	}

	private static Map<String, Object> calendarEntry(Map<String, Object> row) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("meetingId", row.get("meeting_id"));
		entry.put("bodyId", row.get("body_id"));
		entry.put("bodyName", row.get("body_name"));
		entry.put("title", row.get("title"));
		entry.put("date", string(row.get("date")));
		entry.put("start", string(row.get("start_time")));
		entry.put("end", string(row.get("end_time")));
		entry.put("datePrecision", row.get("date_precision"));
		entry.put("location", row.get("location"));
		entry.put("mode", row.get("mode"));
		entry.put("tentative", row.get("tentative"));
		entry.put("status", row.get("status"));
		entry.put("cancelled", "CANCELLED".equals(row.get("status")));
		entry.put("cancelReason", row.get("cancel_reason"));
		entry.put("rescheduled", row.get("originally_on") != null);
		entry.put("originallyOn", string(row.get("originally_on")));
		entry.put("rescheduleReason", row.get("reschedule_reason"));
		return entry;
	}

	/**
	 * The meetings of a period whose day is known, with what a calendar shows of each:
	 * its items in order (a deferred one marked so: the minutes say "bordlades", and a
	 * member should not prepare it for that meeting), and when its day, time, place or
	 * status last changed.
	 */
	List<Map<String, Object>> calendarEntries(String schema, LocalDate from, LocalDate to, String bodyId) {
		return inPeriod(schema, "m.meeting_id, b.name AS body_name, m.title, m.date, m.start_time, m.end_time, "
				+ "m.location, m.mode, m.tentative, m.status, m.originally_on, m.reschedule_reason, m.cancel_reason, "
				+ "m.revision, m.changed_at, (SELECT json_agg(i.title || CASE WHEN i.deferred THEN ' (deferred)' ELSE '' END "
				+ "ORDER BY i.ordinal) FROM {s}.agenda_item i "
				+ "WHERE i.meeting_id = m.meeting_id AND NOT i.withdrawn) AS agenda", "m.date_precision = 'DAY'", from,
				to, bodyId);
	}

	/**
	 * The meetings from {@code from} to {@code to}, of one body or of all, in the
	 * calendar's order, with the columns each calendar shows.
	 */
	private List<Map<String, Object>> inPeriod(String schema, String columns, String condition, LocalDate from,
			LocalDate to, String bodyId) {
		String statement = "SELECT " + columns + " FROM {s}.meeting m LEFT JOIN {s}.body b ON b.body_id = m.body_id "
				+ "WHERE m.date BETWEEN ? AND ? AND " + condition + ((bodyId != null) ? " AND m.body_id = ?" : "")
				+ " ORDER BY m.date, m.start_time NULLS FIRST, m.body_id, m.meeting_id";
		List<Object> params = new ArrayList<>(List.of(from, to));
		if (bodyId != null) {
			params.add(bodyId);
		}
		return this.jdbc.sql(new Sql(schema).of(statement)).params(params).query().listOfRows();
	}

	/** The name of a body the meetings read model knows. */
	String bodyName(String schema, String bodyId) {
		return this.jdbc.sql(new Sql(schema).of("SELECT name FROM {s}.body WHERE body_id = ?"))
			.param(bodyId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new NotFound("body", bodyId));
	}

	private Map<String, List<Map<String, Object>>> decisionsByItem(Sql sql, String meetingId) {
		Map<String, List<Map<String, Object>>> byItem = new LinkedHashMap<>();
		this.jdbc.sql(sql.of("SELECT * FROM {s}.decision WHERE meeting_id = ? ORDER BY recorded_at"))
			.param(meetingId)
			.query()
			.listOfRows()
			.forEach((row) -> {
				Map<String, Object> decision = new LinkedHashMap<>();
				decision.put("decisionId", row.get("decision_id"));
				decision.put("matterId", row.get("matter_id"));
				decision.put("kind", row.get("kind"));
				decision.put("text", row.get("text"));
				byItem.computeIfAbsent((String) row.get("item_id"), (k) -> new ArrayList<>()).add(decision);
			});
		return byItem;
	}

	/**
	 * The assignments handed out at the meeting as they were handed out, each assignee
	 * named as recorded or, for a body recorded without a name, by the body's name; a
	 * meeting it is due at with its day and body.
	 */
	private List<Map<String, Object>> assignments(Sql sql, String meetingId) {
		return this.jdbc.sql(sql.of("""
				SELECT a.item_id, a.assignment_id, a.kind, a.description, a.due_date, a.due_at_meeting,
				       a.due_at_meeting_of, due.date AS due_meeting_date, due.body_id AS due_meeting_body,
				       due_body.name AS due_meeting_body_name,
				       of_body.name AS due_at_meeting_of_name,
				       (SELECT json_agg(json_build_object('kind', e.assignee ->> 'kind', 'id', e.assignee ->> 'id',
				                        'name', coalesce(e.assignee ->> 'name', named.name)) ORDER BY e.n)
				        FROM jsonb_array_elements(a.assignees) WITH ORDINALITY AS e(assignee, n)
				        LEFT JOIN {s}.body named
				          ON e.assignee ->> 'kind' = 'BODY' AND named.body_id = e.assignee ->> 'id') AS assignees
				FROM {s}.item_assignment a
				LEFT JOIN {s}.meeting due ON due.meeting_id = a.due_at_meeting
				LEFT JOIN {s}.body due_body ON due_body.body_id = due.body_id
				LEFT JOIN {s}.body of_body ON of_body.body_id = a.due_at_meeting_of
				WHERE a.meeting_id = ?
				ORDER BY a.position""")).param(meetingId).query().listOfRows().stream().map((row) -> {
			Map<String, Object> assignment = new LinkedHashMap<>();
			assignment.put("itemId", row.get("item_id"));
			assignment.put("assignmentId", row.get("assignment_id"));
			assignment.put("kind", row.get("kind"));
			assignment.put("description", row.get("description"));
			assignment.put("assignees", Json.read(String.valueOf(row.get("assignees"))));
			Map<String, Object> due = new LinkedHashMap<>();
			due.put("date", string(row.get("due_date")));
			due.put("atMeeting", row.get("due_at_meeting"));
			due.put("atMeetingOn", string(row.get("due_meeting_date")));
			due.put("atMeetingBody", row.get("due_meeting_body"));
			due.put("atMeetingBodyName", row.get("due_meeting_body_name"));
			due.put("atMeetingOf", row.get("due_at_meeting_of"));
			due.put("atMeetingOfName", row.get("due_at_meeting_of_name"));
			assignment.put("due", due);
			return assignment;
		}).toList();
	}

	/** The reports back given at the meeting, each with what the assignment was. */
	private List<Map<String, Object>> reportsBack(Sql sql, String meetingId) {
		return rowsOf(sql, """
				SELECT r.item_id AS "itemId", r.assignment_id AS "assignmentId", a.description, r.summary
				FROM {s}.item_report r
				LEFT JOIN {s}.item_assignment a ON a.assignment_id = r.assignment_id
				WHERE r.meeting_id = ?
				ORDER BY r.position""", meetingId);
	}

	/** The referrals made at the meeting, with the matter's title and the body's name. */
	private List<Map<String, Object>> referrals(Sql sql, String meetingId) {
		return rowsOf(sql, """
				SELECT r.item_id AS "itemId", r.matter_id AS "matterId", m.title AS "matterTitle",
				       r.to_body AS "toBody", b.name AS "toBodyName", r.purpose, r.note
				FROM {s}.item_referral r
				LEFT JOIN {s}.matter m ON m.matter_id = r.matter_id
				LEFT JOIN {s}.body b ON b.body_id = r.to_body
				WHERE r.meeting_id = ?
				ORDER BY r.position""", meetingId);
	}

	/** The rows of a statement about one meeting, each as its columns name the fields. */
	private List<Map<String, Object>> rowsOf(Sql sql, String statement, String meetingId) {
		return this.jdbc.sql(sql.of(statement))
			.param(meetingId)
			.query()
			.listOfRows()
			.stream()
			.map((row) -> (Map<String, Object>) new LinkedHashMap<>(row))
			.toList();
	}

	private static Map<String, List<Map<String, Object>>> byItem(List<Map<String, Object>> entries) {
		Map<String, List<Map<String, Object>>> byItem = new LinkedHashMap<>();
		entries.forEach(
				(entry) -> byItem.computeIfAbsent((String) entry.get("itemId"), (k) -> new ArrayList<>()).add(entry));
		return byItem;
	}

	private static Map<String, Object> item(Map<String, Object> row, Map<String, List<Map<String, Object>>> decisions,
			Map<String, List<Map<String, Object>>> assignments, Map<String, List<Map<String, Object>>> reports,
			Map<String, List<Map<String, Object>>> referrals) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("itemId", row.get("item_id"));
		item.put("position", row.get("ordinal"));
		item.put("title", row.get("title"));
		item.put("kind", row.get("kind"));
		item.put("matterId", row.get("matter_id"));
		item.put("presenters", Json.read(String.valueOf(row.get("presenters"))));
		item.put("guests", Json.read(String.valueOf(row.get("guests"))));
		item.put("documents", Json.read(String.valueOf(row.get("documents"))));
		item.put("description", row.get("description"));
		item.put("discussion", row.get("discussion"));
		item.put("withdrawn", row.get("withdrawn"));
		item.put("deferred", row.get("deferred"));
		item.put("deferredToMeeting", row.get("deferred_to_meeting"));
		item.put("deferredToBacklogOf", row.get("deferred_to_backlog_of"));
		item.put("deferReason", row.get("defer_reason"));
		item.put("decisions", decisions.getOrDefault((String) row.get("item_id"), List.of()));
		item.put("assignments", assignments.getOrDefault((String) row.get("item_id"), List.of()));
		item.put("reportsBack", reports.getOrDefault((String) row.get("item_id"), List.of()));
		item.put("referrals", referrals.getOrDefault((String) row.get("item_id"), List.of()));
		return item;
	}

	private static Map<String, Object> minutes(Map<String, Object> meeting) {
		Map<String, Object> minutes = new LinkedHashMap<>();
		String status = (String) meeting.get("status");
		minutes.put("state",
				"ADJUSTED".equals(status) ? "ADJUSTED" : ("CLOSED".equals(status) ? "AWAITING_ADJUSTMENT" : "OPEN"));
		minutes.put("adjusterId", meeting.get("adjuster_id"));
		minutes.put("adjusterName", meeting.get("adjuster_name"));
		minutes.put("adjustedOn", string(meeting.get("adjusted_on")));
		minutes.put("adjustedBy", (meeting.get("adjusted_by") != null)
				? Json.read(String.valueOf(meeting.get("adjusted_by"))) : List.of());
		return minutes;
	}

	static String string(Object value) {
		return Rows.text(value);
	}

}
