package org.matterflow.query.agenda;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.matterflow.kernel.meeting.MeetingTime;
import org.matterflow.query.common.DatePrecisions;
import org.matterflow.query.common.Json;
import org.matterflow.query.common.NotFound;
import org.matterflow.query.common.ReadYourWrites;
import org.matterflow.query.common.Sql;
import org.matterflow.query.common.SwedishOrder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Agenda")
public class AgendaController {

	/**
	 * The whole agenda in one statement: one snapshot of the read model, so that an item
	 * moved between the next meeting and the deferred items in a batch the projection
	 * committed meanwhile shows in one place, never in none or both; and one round trip
	 * instead of six. Each subquery names the body by the parameter, not by the outer
	 * row: PostgreSQL estimates an outer reference from the column's distinct values, and
	 * where most referrals go to one county-part group it planned a scan of every pending
	 * matter for every agenda (p50 49 ms at a million events).
	 */
	private static final String STATEMENT = """
			SELECT json_build_object(
			  'bodyId', b.body_id,
			  'bodyName', b.name,
			  'dissolvedOn', to_char(b.dissolved_on, 'YYYY-MM-DD'),
			  'on', to_char(CAST(:day AS date), 'YYYY-MM-DD'),
			  'nextMeeting', (
			    SELECT json_build_object(
			      'meetingId', m.meeting_id, 'title', m.title, 'date', to_char(m.date, 'YYYY-MM-DD'),
			      'datePrecision', %s,
			      'start', %s, 'end', %s, 'location', m.location,
			      'tentative', m.tentative, 'status', m.status,
			      'items', COALESCE((
			        SELECT json_agg(json_build_object(
			          'itemId', i.item_id, 'position', i.ordinal, 'title', i.title, 'kind', i.kind,
			          'matterId', i.matter_id, 'presenters', i.presenters, 'guests', i.guests,
			          'documents', i.documents) ORDER BY i.ordinal)
			        FROM {s}.item i WHERE i.meeting_id = m.meeting_id AND NOT i.withdrawn), '[]'::json),
			      'reportsDue', COALESCE((
			        SELECT json_agg(json_build_object(
			          'assignmentId', r.assignment_id, 'fromBody', r.body_id, 'matterId', r.matter_id,
			          'description', r.description, 'assignees', r.assignees,
			          'due', json_build_object('date', to_char(r.due_date, 'YYYY-MM-DD'),
			            'atMeeting', r.due_at_meeting, 'atMeetingOf', r.due_at_meeting_of),
			          'handedOutOn', to_char(r.handed_out_on, 'YYYY-MM-DD'), 'handedOutOnPrecision', %s,
			          'overdue', r.overdue)
			          ORDER BY r.handed_out_on, r.assignment_id)
			        FROM {s}.report_due r
			        WHERE r.waiting AND (r.due_at_meeting = m.meeting_id
			          OR (r.due_at_meeting IS NULL AND r.due_at_meeting_of = :body AND r.handed_out_on < m.date)
			          OR (r.due_at_meeting IS NULL AND r.due_at_meeting_of IS NULL AND r.body_id = :body
			              AND r.due_date <= m.date))), '[]'::json))
			    FROM {s}.meeting m
			    WHERE m.body_id = :body AND m.status <> 'CANCELLED'
			      AND (m.date > :day OR (m.date = :day AND m.status IN ('SCHEDULED', 'OPENED')))
			    ORDER BY m.date, m.start_time NULLS FIRST LIMIT 1),
			  'deferredItems', COALESCE((
			    SELECT json_agg(json_build_object(
			      'fromMeeting', d.from_meeting, 'itemId', d.item_id, 'title', d.title,
			      'matterId', d.matter_id, 'toMeeting', d.to_meeting, 'toBacklog', d.to_backlog,
			      'reason', d.reason, 'deferredOn', to_char(d.deferred_on, 'YYYY-MM-DD'),
			      'deferredOnPrecision', %s)
			      ORDER BY d.deferred_on, d.item_id)
			    FROM {s}.deferral d JOIN {s}.meeting f ON f.meeting_id = d.from_meeting
			    WHERE d.target_body = :body AND NOT d.resolved AND d.deferred_on <= :day), '[]'::json),
			  'referredMatters', %s,
			  'backlog', %s)
			FROM {s}.body b WHERE b.body_id = :body
			""".formatted(DatePrecisions.shownInSql("m.date", "m.date_precision"), time("m.start_time"),
			time("m.end_time"), DatePrecisions.shownInSql("r.handed_out_on", "r.handed_out_on_precision"),
			DatePrecisions.shownInSql("d.deferred_on", "f.date_precision"), pending("REFERRAL"), pending("BACKLOG"));

	/**
	 * Matters waiting for a body in the order the agenda shows them: by priority and
	 * since when, then by title in Swedish order, which the database would give in the
	 * order of its own locale (ADR 0017). The statement lists them by id only, so that a
	 * tie of all three still comes out the same each time.
	 */
	private static final Comparator<Map<String, Object>> WAITING = Comparator
		.comparing((Map<String, Object> matter) -> (Integer) matter.get("priority"),
				Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing((matter) -> (String) matter.get("since"), Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing((matter) -> (String) matter.get("title"), SwedishOrder.NAMES);

	private final JdbcClient jdbc;

	private final ReadYourWrites consistency;

	AgendaController(JdbcClient jdbc, ReadYourWrites consistency) {
		this.jdbc = jdbc;
		this.consistency = consistency;
	}

	@GetMapping("/api/bodies/{bodyId}/agenda")
	@Operation(
			summary = "The current agenda of a body: its next meeting with the items in order and the assignments to be reported back there, items deferred to it, "
					+ "matters referred to it that are not yet on an agenda, and its backlog. 'on' asks as of another day. "
					+ "A dissolved body's agenda names the day: what still waits there needs another body.")
	@SuppressWarnings("unchecked")
	Map<String, Object> agenda(@PathVariable String bodyId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
			@RequestParam(required = false) Long position) {
		Sql sql = new Sql(this.consistency.schemaAfter(AgendaReadModel.NAME, position));
		LocalDate day = (on != null) ? on : LocalDate.now(MeetingTime.ZONE);
		String agenda = this.jdbc.sql(sql.of(STATEMENT))
			.param("body", bodyId)
			.param("day", day)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new NotFound("body", bodyId));
		Map<String, Object> answer = (Map<String, Object>) Json.read(agenda);
		for (String waiting : new String[] { "referredMatters", "backlog" }) {
			((List<Map<String, Object>>) answer.get(waiting)).sort(WAITING);
		}
		return answer;
	}

	/** Matters waiting for the body, referred to it or on its backlog. */
	private static String pending(String source) {
		return """
				COALESCE((
				    SELECT json_agg(json_build_object(
				      'matterId', p.matter_id, 'title', t.title, 'fromBody', p.from_body, 'purpose', p.purpose,
				      'priority', p.priority, 'note', p.note, 'atMeeting', p.at_meeting, 'atItem', p.at_item,
				      'since', to_char(p.since, 'YYYY-MM-DD'), 'sincePrecision', %s)
				      ORDER BY p.matter_id)
				    FROM {s}.pending p JOIN {s}.matter t ON t.matter_id = p.matter_id
				    WHERE p.body_id = :body AND p.source = '%s' AND NOT p.resolved AND NOT t.closed
				      AND (p.since IS NULL OR p.since <= :day)), '[]'::json)"""
			.formatted(DatePrecisions.shownInSql("p.since", "p.since_precision"), source);
	}

	/**
	 * A time as the rest of the API writes it (java.time's ISO form): minutes when there
	 * are no seconds.
	 */
	private static String time(String column) {
		return "CASE WHEN date_part('second', %1$s) = 0 THEN to_char(%1$s, 'HH24:MI') ELSE %1$s::text END"
			.formatted(column);
	}

}
