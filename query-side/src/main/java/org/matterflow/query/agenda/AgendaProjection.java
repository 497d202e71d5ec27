package org.matterflow.query.agenda;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.matterflow.kernel.assignment.AssignmentBecameOverdue;
import org.matterflow.kernel.assignment.AssignmentCompleted;
import org.matterflow.kernel.assignment.AssignmentDueDateChanged;
import org.matterflow.kernel.assignment.AssignmentHandedOut;
import org.matterflow.kernel.assignment.AssignmentReassigned;
import org.matterflow.kernel.assignment.AssignmentReportedBack;
import org.matterflow.kernel.assignment.AssignmentRevised;
import org.matterflow.kernel.assignment.AssignmentWithdrawn;
import org.matterflow.kernel.assignment.Due;
import org.matterflow.kernel.body.BodyDissolved;
import org.matterflow.kernel.body.BodyEstablished;
import org.matterflow.kernel.body.BodyRenamed;
import org.matterflow.kernel.matter.*;
import org.matterflow.kernel.meeting.*;
import org.matterflow.query.common.DatePrecisions;
import org.matterflow.query.common.DatePrecisions.Inferred;
import org.matterflow.query.common.Folded;
import org.matterflow.query.common.Json;
import org.matterflow.query.common.Statements;

import static org.matterflow.query.common.Rows.id;

/**
 * Writes one generation of the agenda read model. A referred matter, a backlog entry or a
 * deferred item waits for its body until the matter (or, without a matter, an item of the
 * same title) is put on an agenda of that body.
 */
class AgendaProjection {

	/**
	 * Where a business date without a precision may find its meeting's: for one recorded
	 * before precisions were kept (DatePrecisions.inferred).
	 */
	private static final String MEETINGS = "{s}.meeting";

	private final Statements statements;

	AgendaProjection(Statements statements) {
		this.statements = statements;
	}

	@EventHandler
	void on(BodyEstablished event) {
		update("INSERT INTO {s}.body (body_id, name) VALUES (?, ?) ON CONFLICT DO NOTHING", event.bodyId().value(),
				event.name());
	}

	@EventHandler
	void on(BodyRenamed event) {
		update("UPDATE {s}.body SET name = ? WHERE body_id = ?", event.name(), event.bodyId().value());
	}

	@EventHandler
	void on(BodyDissolved event) {
		update("UPDATE {s}.body SET dissolved_on = ? WHERE body_id = ?", event.dissolvedOn(), event.bodyId().value());
	}

	@EventHandler
	void on(MatterRaised event) {
		update("INSERT INTO {s}.matter (matter_id, title) VALUES (?, ?) ON CONFLICT DO NOTHING",
				event.matterId().value(), event.title());
	}

	@EventHandler
	void on(MatterRenamed event) {
		update("UPDATE {s}.matter SET title = ? WHERE matter_id = ?", event.title(), event.matterId().value());
	}

	@EventHandler
	void on(MatterClosed event) {
		update("UPDATE {s}.matter SET closed = true WHERE matter_id = ?", event.matterId().value());
	}

	@EventHandler
	void on(MatterReopened event) {
		update("UPDATE {s}.matter SET closed = false WHERE matter_id = ?", event.matterId().value());
	}

	/**
	 * A referral to a body whose matter already waits there keeps the one it follows
	 * among the earlier ones; one that comes after the body took the matter up starts
	 * afresh. The same referral handled again adds nothing.
	 */
	private static final String EARLIER_REFERRALS = "earlier = CASE WHEN pending.resolved THEN '[]'::jsonb "
			+ "WHEN (pending.from_body, pending.at_meeting, pending.at_item, pending.purpose, pending.note) "
			+ "IS NOT DISTINCT FROM (excluded.from_body, excluded.at_meeting, excluded.at_item, excluded.purpose, "
			+ "excluded.note) THEN pending.earlier ELSE pending.earlier || jsonb_build_array(jsonb_build_object("
			+ "'fromBody', pending.from_body, 'purpose', pending.purpose, 'note', pending.note, 'atMeeting', "
			+ "pending.at_meeting, 'atItem', pending.at_item, 'since', pending.since, 'sincePrecision', "
			+ "pending.since_precision)) END, ";

	@EventHandler
	void on(MatterReferred event, @MetaDataValue("businessDate") String businessDate, EventMessage<?> message) {
		Inferred precision = DatePrecisions.inferred(message.getMetaData(), id(event.atMeeting()));
		update("INSERT INTO {s}.pending (body_id, matter_id, source, from_body, purpose, note, at_meeting, at_item, since, "
				+ "since_precision) VALUES (?, ?, 'REFERRAL', ?, ?, ?, ?, ?, ?, " + precision.sql(MEETINGS) + ") "
				+ "ON CONFLICT (body_id, matter_id, source) DO UPDATE SET " + EARLIER_REFERRALS
				+ "from_body = excluded.from_body, purpose = excluded.purpose, note = excluded.note, "
				+ "at_meeting = excluded.at_meeting, at_item = excluded.at_item, since = excluded.since, "
				+ "since_precision = excluded.since_precision, resolved = false",
				DatePrecisions.params(event.toBody().value(), event.matterId().value(), event.fromBody().value(),
						event.purpose().name(), event.note(), id(event.atMeeting()), id(event.itemId()),
						date(businessDate), precision));
		// a dissolved body takes nothing up: a referral from it hands over what waited
		// there, referred, on its backlog or deferred to it
		update("UPDATE {s}.pending p SET resolved = true FROM {s}.body b WHERE p.body_id = ? AND p.matter_id = ? "
				+ "AND b.body_id = p.body_id AND b.dissolved_on IS NOT NULL", event.fromBody().value(),
				event.matterId().value());
		update("UPDATE {s}.deferral d SET resolved = true FROM {s}.body b WHERE d.target_body = ? AND d.matter_id = ? "
				+ "AND NOT d.resolved AND b.body_id = d.target_body AND b.dissolved_on IS NOT NULL",
				event.fromBody().value(), event.matterId().value());
	}

	/**
	 * The matter stops waiting for the referral taken back. If that was the one it waited
	 * for, it falls back on the last earlier referral the body has not yet answered by
	 * taking the matter up, and waits no more if there is none; an earlier one taken back
	 * is only struck from those.
	 */
	@EventHandler
	@SuppressWarnings("unchecked")
	void on(ReferralWithdrawn event) {
		Map<String, Object> entry = this.statements
			.read("SELECT from_body, at_meeting, at_item, resolved, earlier::text AS earlier FROM {s}.pending "
					+ "WHERE body_id = ? AND matter_id = ? AND source = 'REFERRAL'")
			.params(event.toBody().value(), event.matterId().value())
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElse(null);
		if (entry == null || Boolean.TRUE.equals(entry.get("resolved"))) {
			return;
		}
		List<Map<String, Object>> earlier = new ArrayList<>(
				(List<Map<String, Object>>) Json.read((String) entry.get("earlier")));
		String where = " WHERE body_id = ? AND matter_id = ? AND source = 'REFERRAL'";
		if (isWithdrawn(event, entry.get("from_body"), entry.get("at_meeting"), entry.get("at_item"))) {
			if (earlier.isEmpty()) {
				update("UPDATE {s}.pending SET resolved = true" + where, event.toBody().value(),
						event.matterId().value());
				return;
			}
			Map<String, Object> last = earlier.remove(earlier.size() - 1);
			update("UPDATE {s}.pending SET from_body = ?, purpose = ?, note = ?, at_meeting = ?, at_item = ?, "
					+ "since = ?::date, since_precision = ?, earlier = ?::jsonb" + where, last.get("fromBody"),
					last.get("purpose"), last.get("note"), last.get("atMeeting"), last.get("atItem"), last.get("since"),
					last.get("sincePrecision"), Json.write(earlier), event.toBody().value(), event.matterId().value());
			return;
		}
		for (int i = earlier.size() - 1; i >= 0; i--) {
			Map<String, Object> referral = earlier.get(i);
			if (isWithdrawn(event, referral.get("fromBody"), referral.get("atMeeting"), referral.get("atItem"))) {
				earlier.remove(i);
				update("UPDATE {s}.pending SET earlier = ?::jsonb" + where, Json.write(earlier), event.toBody().value(),
						event.matterId().value());
				return;
			}
		}
	}

	private static boolean isWithdrawn(ReferralWithdrawn event, Object fromBody, Object atMeeting, Object atItem) {
		return event.fromBody().value().equals(fromBody) && Objects.equals(id(event.atMeeting()), atMeeting)
				&& Objects.equals(id(event.itemId()), atItem);
	}

	@EventHandler
	void on(MatterRemovedFromBacklog event) {
		update("UPDATE {s}.pending SET resolved = true WHERE body_id = ? AND matter_id = ? AND source = 'BACKLOG'",
				event.bodyId().value(), event.matterId().value());
	}

	@EventHandler
	void on(MatterQueued event, @MetaDataValue("businessDate") String businessDate, EventMessage<?> message) {
		Inferred precision = DatePrecisions.inferred(message.getMetaData(), null);
		update("INSERT INTO {s}.pending (body_id, matter_id, source, priority, note, since, since_precision) "
				+ "VALUES (?, ?, 'BACKLOG', ?, ?, ?, " + precision.sql(MEETINGS)
				+ ") ON CONFLICT (body_id, matter_id, source) DO UPDATE SET "
				+ "priority = excluded.priority, note = excluded.note, since = excluded.since, "
				+ "since_precision = excluded.since_precision, resolved = false",
				DatePrecisions.params(event.bodyId().value(), event.matterId().value(), event.priority(), event.note(),
						date(businessDate), precision));
	}

	@EventHandler
	void on(MeetingScheduled event) {
		MeetingTime time = event.time();
		update("INSERT INTO {s}.meeting (meeting_id, body_id, title, date, date_precision, start_time, end_time, location, "
				+ "tentative, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'SCHEDULED') ON CONFLICT DO NOTHING",
				event.meetingId().value(), event.bodyId().value(), event.title(), time.date(),
				DatePrecisions.stored(time), time.start(), time.end(), event.location(), event.tentative());
	}

	@EventHandler
	void on(MeetingRescheduled event) {
		MeetingTime to = event.to();
		update("UPDATE {s}.meeting SET date = ?, date_precision = ?, start_time = ?, end_time = ?, location = ?, "
				+ "tentative = ? WHERE meeting_id = ?", to.date(), DatePrecisions.stored(to), to.start(), to.end(),
				event.location(), event.tentative(), event.meetingId().value());
	}

	@EventHandler
	void on(MeetingCancelled event) {
		status(event.meetingId(), "CANCELLED");
	}

	@EventHandler
	void on(MeetingOpened event) {
		status(event.meetingId(), "OPENED");
	}

	@EventHandler
	void on(MeetingClosed event) {
		status(event.meetingId(), "CLOSED");
	}

	/**
	 * The item is inserted, the items from its position on move down one, and what waited
	 * for it (the matter referred or queued, an item deferred to this body) is resolved:
	 * one statement and one snapshot instead of five statements; one event in five is an
	 * item added. An item already known (an event handled twice) changes nothing.
	 */
	private static final String ITEM_ADDED = """
			WITH known AS (SELECT 1 FROM {s}.item WHERE meeting_id = :meeting AND item_id = :item),
			shifted AS (
			    UPDATE {s}.item SET ordinal = ordinal + 1
			    WHERE meeting_id = :meeting AND NOT withdrawn AND ordinal >= :position
			      AND NOT EXISTS (SELECT 1 FROM known))%s
			INSERT INTO {s}.item (meeting_id, item_id, ordinal, title, title_key, kind, matter_id, presenters, guests,
			    documents)
			SELECT :meeting, :item, :position, :title, :titleKey, :kind, :matter,
			       CAST(:presenters AS jsonb), CAST(:guests AS jsonb), CAST(:documents AS jsonb)
			WHERE NOT EXISTS (SELECT 1 FROM known)""";

	/**
	 * An item of a matter answers the matter's referral or backlog entry and its
	 * deferral.
	 */
	private static final String MATTER_RESOLVED = """
			, pending_resolved AS (
			    UPDATE {s}.pending p SET resolved = true FROM {s}.meeting m
			    WHERE m.meeting_id = :meeting AND p.body_id = m.body_id AND p.matter_id = :matter
			      AND NOT EXISTS (SELECT 1 FROM known)),
			deferral_resolved AS (
			    UPDATE {s}.deferral d SET resolved = true FROM {s}.meeting m
			    WHERE m.meeting_id = :meeting AND d.target_body = m.body_id AND d.matter_id = :matter
			      AND d.from_meeting <> m.meeting_id AND NOT EXISTS (SELECT 1 FROM known))""";

	/** An item without a matter answers a deferred item of the same title. */
	private static final String TITLE_RESOLVED = """
			, deferral_resolved AS (
			    UPDATE {s}.deferral d SET resolved = true FROM {s}.meeting m
			    WHERE m.meeting_id = :meeting AND d.target_body = m.body_id AND d.matter_id IS NULL
			      AND d.title_key = :titleKey AND d.from_meeting <> m.meeting_id
			      AND NOT EXISTS (SELECT 1 FROM known))""";

	private static final String ITEM_OF_MATTER_ADDED = ITEM_ADDED.formatted(MATTER_RESOLVED);

	private static final String ITEM_ADDED_BY_TITLE = ITEM_ADDED.formatted(TITLE_RESOLVED);

	@EventHandler
	void on(AgendaItemAdded event) {
		Map<String, Object> params = new HashMap<>();
		params.put("meeting", event.meetingId().value());
		params.put("item", event.itemId().value());
		params.put("position", event.position());
		params.put("title", event.title());
		params.put("titleKey", Folded.of(event.title()));
		params.put("kind", event.kind().name());
		params.put("matter", id(event.matterId()));
		params.put("presenters", Json.write(event.presenters()));
		params.put("guests", Json.write(event.guests()));
		params.put("documents", Json.write(event.documents()));
		this.statements.update((event.matterId() != null) ? ITEM_OF_MATTER_ADDED : ITEM_ADDED_BY_TITLE, params);
	}

	/**
	 * An item deferred keeps waiting under its new title; an item without a matter whose
	 * new title is that of an item deferred to its body answers it, as if added so.
	 */
	@EventHandler
	void on(AgendaItemRenamed event) {
		String titleKey = Folded.of(event.title());
		update("UPDATE {s}.item SET title = ?, title_key = ? WHERE meeting_id = ? AND item_id = ?", event.title(),
				titleKey, event.meetingId().value(), event.itemId().value());
		update("UPDATE {s}.deferral SET title = ?, title_key = ? WHERE from_meeting = ? AND item_id = ?", event.title(),
				titleKey, event.meetingId().value(), event.itemId().value());
		if (event.matterId() == null) {
			update("UPDATE {s}.deferral d SET resolved = true FROM {s}.meeting m WHERE m.meeting_id = ? "
					+ "AND d.target_body = m.body_id AND d.matter_id IS NULL AND d.title_key = ? "
					+ "AND d.from_meeting <> m.meeting_id", event.meetingId().value(), titleKey);
		}
	}

	/** A presentation attached before the meeting belongs on its agenda too. */
	@EventHandler
	void on(DocumentAttached event) {
		update("UPDATE {s}.item SET documents = documents || ?::jsonb WHERE meeting_id = ? AND item_id = ?",
				Json.write(List.of(event.document())), event.meetingId().value(), event.itemId().value());
	}

	@EventHandler
	void on(DocumentRemoved event) {
		update("UPDATE {s}.item SET documents = (SELECT coalesce(jsonb_agg(d.document ORDER BY d.n), '[]'::jsonb) "
				+ "FROM jsonb_array_elements(documents) WITH ORDINALITY AS d(document, n) WHERE d.document ->> 'uri' <> ?) "
				+ "WHERE meeting_id = ? AND item_id = ?", event.uri(), event.meetingId().value(),
				event.itemId().value());
	}

	@EventHandler
	void on(AgendaItemWithdrawn event) {
		update("UPDATE {s}.item SET withdrawn = true WHERE meeting_id = ? AND item_id = ?", event.meetingId().value(),
				event.itemId().value());
	}

	@EventHandler
	void on(AgendaReordered event) {
		List<AgendaItemId> order = event.order();
		for (int i = 0; i < order.size(); i++) {
			update("UPDATE {s}.item SET ordinal = ? WHERE meeting_id = ? AND item_id = ?", i + 1,
					event.meetingId().value(), order.get(i).value());
		}
	}

	@EventHandler
	void on(ItemDeferred event) {
		update("INSERT INTO {s}.deferral (from_meeting, item_id, target_body, to_meeting, to_backlog, matter_id, title, "
				+ "title_key, reason, deferred_on) "
				+ "SELECT m.meeting_id, i.item_id, coalesce(?, t.body_id, m.body_id), ?, ?, ?, i.title, i.title_key, ?, m.date "
				+ "FROM {s}.meeting m JOIN {s}.item i ON i.meeting_id = m.meeting_id AND i.item_id = ? "
				+ "LEFT JOIN {s}.meeting t ON t.meeting_id = ? WHERE m.meeting_id = ? ON CONFLICT DO NOTHING",
				id(event.toBacklogOf()), id(event.toMeeting()), event.toBacklogOf() != null, id(event.matterId()),
				event.reason(), event.itemId().value(), id(event.toMeeting()), event.meetingId().value());
	}

	/** The item no longer waits anywhere; deferred anew, it waits where it was sent. */
	@EventHandler
	void on(DeferralWithdrawn event) {
		update("DELETE FROM {s}.deferral WHERE from_meeting = ? AND item_id = ?", event.meetingId().value(),
				event.itemId().value());
	}

	/**
	 * An assignment waits for its report back from its hand-out, on the day of the
	 * meeting that handed it out.
	 */
	@EventHandler
	void on(AssignmentHandedOut event, @MetaDataValue("businessDate") String businessDate, EventMessage<?> message) {
		Due due = event.due();
		String meeting = event.meetingId().value();
		Inferred precision = DatePrecisions.inferred(message.getMetaData(), meeting);
		String handedOut = (businessDate != null) ? "?, " + precision.sql(MEETINGS)
				: "(SELECT m.date FROM {s}.meeting m WHERE m.meeting_id = ?), "
						+ "(SELECT m.date_precision FROM {s}.meeting m WHERE m.meeting_id = ?)";
		Object[] when = (businessDate != null) ? new Object[] { date(businessDate), precision }
				: new Object[] { meeting, meeting };
		update("INSERT INTO {s}.report_due (assignment_id, body_id, matter_id, description, assignees, due_date, "
				+ "due_at_meeting, due_at_meeting_of, handed_out_on, handed_out_on_precision) "
				+ "SELECT ?, ?, ?, ?, ?::jsonb, ?, ?, ?, " + handedOut + " ON CONFLICT DO NOTHING",
				DatePrecisions.params(event.assignmentId().value(), event.bodyId().value(), id(event.matterId()),
						event.description(), Json.write(event.assignees()), due.date(), id(due.atMeeting()),
						id(due.atMeetingOf()), when[0], when[1]));
	}

	/** A new due asks for a report back again, also of one reported back before. */
	@EventHandler
	void on(AssignmentDueDateChanged event) {
		Due due = event.to();
		update("UPDATE {s}.report_due SET due_date = ?, due_at_meeting = ?, due_at_meeting_of = ?, waiting = true, "
				+ "overdue = false WHERE assignment_id = ?", due.date(), id(due.atMeeting()), id(due.atMeetingOf()),
				event.assignmentId().value());
	}

	@EventHandler
	void on(AssignmentBecameOverdue event) {
		update("UPDATE {s}.report_due SET overdue = true WHERE assignment_id = ?", event.assignmentId().value());
	}

	@EventHandler
	void on(AssignmentRevised event) {
		update("UPDATE {s}.report_due SET description = ? WHERE assignment_id = ?", event.description(),
				event.assignmentId().value());
	}

	@EventHandler
	void on(AssignmentReassigned event) {
		update("UPDATE {s}.report_due SET assignees = ?::jsonb WHERE assignment_id = ?", Json.write(event.assignees()),
				event.assignmentId().value());
	}

	@EventHandler
	void on(AssignmentReportedBack event) {
		update("UPDATE {s}.report_due SET waiting = false WHERE assignment_id = ?", event.assignmentId().value());
	}

	/** A finished assignment is reported back on no agenda: its row goes. */
	@EventHandler
	void on(AssignmentCompleted event) {
		update("DELETE FROM {s}.report_due WHERE assignment_id = ?", event.assignmentId().value());
	}

	@EventHandler
	void on(AssignmentWithdrawn event) {
		update("DELETE FROM {s}.report_due WHERE assignment_id = ?", event.assignmentId().value());
	}

	private void status(MeetingId meeting, String status) {
		update("UPDATE {s}.meeting SET status = ? WHERE meeting_id = ?", status, meeting.value());
	}

	private static LocalDate date(String businessDate) {
		return (businessDate != null) ? LocalDate.parse(businessDate) : null;
	}

	private void update(String statement, Object... params) {
		this.statements.update(statement, params);
	}

}
