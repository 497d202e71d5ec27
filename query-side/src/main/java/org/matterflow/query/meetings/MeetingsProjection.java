package org.matterflow.query.meetings;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.matterflow.kernel.assignment.AssignmentHandedOut;
import org.matterflow.kernel.assignment.AssignmentReportedBack;
import org.matterflow.kernel.assignment.AssignmentRevised;
import org.matterflow.kernel.assignment.Due;
import org.matterflow.kernel.body.BodyEstablished;
import org.matterflow.kernel.body.BodyRenamed;
import org.matterflow.kernel.matter.MatterRaised;
import org.matterflow.kernel.matter.MatterReferred;
import org.matterflow.kernel.matter.MatterRenamed;
import org.matterflow.kernel.matter.ReferralWithdrawn;
import org.matterflow.kernel.meeting.*;
import org.matterflow.query.common.Json;
import org.matterflow.query.common.Statements;

import static org.matterflow.query.common.Rows.id;

/**
 * Writes one generation of the meetings read model. Every handler can run twice
 * harmlessly.
 */
class MeetingsProjection {

	private final Statements statements;

	MeetingsProjection(Statements statements) {
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
	void on(MeetingScheduled event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
		MeetingTime time = event.time();
		update("INSERT INTO {s}.meeting (meeting_id, body_id, title, date, start_time, end_time, date_precision, location, "
				+ "mode, tentative, status, revision, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SCHEDULED', ?, ?) "
				+ "ON CONFLICT DO NOTHING", event.meetingId().value(), event.bodyId().value(), event.title(),
				time.date(), time.start(), time.end(), time.precision().name(), event.location(), event.mode().name(),
				event.tentative(), sequence, java.sql.Timestamp.from(recordedAt));
	}

	@EventHandler
	void on(MeetingRescheduled event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
		MeetingTime to = event.to();
		update("UPDATE {s}.meeting SET originally_on = coalesce(originally_on, date), date = ?, start_time = ?, end_time = ?, "
				+ "date_precision = ?, location = ?, tentative = ?, reschedule_reason = ?, revision = ?, changed_at = ? "
				+ "WHERE meeting_id = ?", to.date(), to.start(), to.end(), to.precision().name(), event.location(),
				event.tentative(), event.reason(), sequence, java.sql.Timestamp.from(recordedAt),
				event.meetingId().value());
	}

	@EventHandler
	void on(MeetingCancelled event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
		update("UPDATE {s}.meeting SET status = 'CANCELLED', cancel_reason = ?, revision = ?, changed_at = ? "
				+ "WHERE meeting_id = ?", event.reason(), sequence, java.sql.Timestamp.from(recordedAt),
				event.meetingId().value());
	}

	/**
	 * An item is inserted, with the items from its position on moved down one, in one
	 * statement instead of three. An item already known (an event handled twice) changes
	 * nothing.
	 */
	private static final String ITEM_ADDED = """
			WITH known AS (SELECT 1 FROM {s}.agenda_item WHERE meeting_id = :meeting AND item_id = :item),
			shifted AS (
			    UPDATE {s}.agenda_item SET ordinal = ordinal + 1
			    WHERE meeting_id = :meeting AND NOT withdrawn AND ordinal >= :position
			      AND NOT EXISTS (SELECT 1 FROM known))
			INSERT INTO {s}.agenda_item
			    (meeting_id, item_id, ordinal, title, kind, matter_id, presenters, guests, documents, description)
			SELECT :meeting, :item, :position, :title, :kind, :matter,
			       CAST(:presenters AS jsonb), CAST(:guests AS jsonb), CAST(:documents AS jsonb), :description
			WHERE NOT EXISTS (SELECT 1 FROM known)""";

	@EventHandler
	void on(AgendaItemAdded event) {
		Map<String, Object> params = new HashMap<>();
		params.put("meeting", event.meetingId().value());
		params.put("item", event.itemId().value());
		params.put("position", event.position());
		params.put("title", event.title());
		params.put("kind", event.kind().name());
		params.put("matter", id(event.matterId()));
		params.put("presenters", Json.write(event.presenters()));
		params.put("guests", Json.write(event.guests()));
		params.put("documents", Json.write(event.documents()));
		params.put("description", event.description());
		this.statements.update(ITEM_ADDED, params);
	}

	@EventHandler
	void on(AgendaItemRenamed event) {
		update("UPDATE {s}.agenda_item SET title = ? WHERE meeting_id = ? AND item_id = ?", event.title(),
				event.meetingId().value(), event.itemId().value());
	}

	@EventHandler
	void on(AgendaItemWithdrawn event) {
		update("UPDATE {s}.agenda_item SET withdrawn = true, withdraw_reason = ? WHERE meeting_id = ? AND item_id = ?",
				event.reason(), event.meetingId().value(), event.itemId().value());
	}

	@EventHandler
	void on(AgendaReordered event) {
		List<AgendaItemId> order = event.order();
		for (int i = 0; i < order.size(); i++) {
			update("UPDATE {s}.agenda_item SET ordinal = ? WHERE meeting_id = ? AND item_id = ?", i + 1,
					event.meetingId().value(), order.get(i).value());
		}
	}

	@EventHandler
	void on(AgendaAdopted event) {
		update("UPDATE {s}.meeting SET agenda_adopted = true WHERE meeting_id = ?", event.meetingId().value());
	}

	@EventHandler
	void on(MeetingOpened event) {
		update("UPDATE {s}.meeting SET status = 'OPENED' WHERE meeting_id = ?", event.meetingId().value());
	}

	@EventHandler
	void on(AttendanceRecorded event) {
		update("INSERT INTO {s}.attendance (meeting_id, person_id, name, organisation, status, items) VALUES (?, ?, ?, ?, ?, ?::jsonb) "
				+ "ON CONFLICT (meeting_id, person_id) DO UPDATE SET name = excluded.name, organisation = excluded.organisation, "
				+ "status = excluded.status, items = excluded.items", event.meetingId().value(),
				event.personId().value(), event.name(), event.organisation(), event.status().name(),
				Json.write(event.items().stream().map(AgendaItemId::value).toList()));
	}

	@EventHandler
	void on(AttendanceRemoved event) {
		update("DELETE FROM {s}.attendance WHERE meeting_id = ? AND person_id = ?", event.meetingId().value(),
				event.personId().value());
	}

	@EventHandler
	void on(MinutesAdjusterAppointed event) {
		update("UPDATE {s}.meeting SET adjuster_id = ?, adjuster_name = ? WHERE meeting_id = ?",
				event.personId().value(), event.name(), event.meetingId().value());
	}

	@EventHandler
	void on(ItemDiscussed event) {
		update("UPDATE {s}.agenda_item SET discussion = CASE WHEN discussion IS NULL THEN ? ELSE discussion || E'\\n\\n' || ? END "
				+ "WHERE meeting_id = ? AND item_id = ?", event.summary(), event.summary(), event.meetingId().value(),
				event.itemId().value());
	}

	/**
	 * The revision stands in place of the entries before it; those after are added to it.
	 */
	@EventHandler
	void on(DiscussionRevised event) {
		update("UPDATE {s}.agenda_item SET discussion = ? WHERE meeting_id = ? AND item_id = ?", event.summary(),
				event.meetingId().value(), event.itemId().value());
	}

	@EventHandler
	void on(DocumentRemoved event) {
		update("UPDATE {s}.agenda_item SET documents = (SELECT coalesce(jsonb_agg(d.document ORDER BY d.n), '[]'::jsonb) "
				+ "FROM jsonb_array_elements(documents) WITH ORDINALITY AS d(document, n) WHERE d.document ->> 'uri' <> ?) "
				+ "WHERE meeting_id = ? AND item_id = ?", event.uri(), event.meetingId().value(),
				event.itemId().value());
	}

	@EventHandler
	void on(DocumentAttached event) {
		update("UPDATE {s}.agenda_item SET documents = documents || ?::jsonb WHERE meeting_id = ? AND item_id = ?",
				Json.write(List.of(event.document())), event.meetingId().value(), event.itemId().value());
	}

	@EventHandler
	void on(DecisionWithdrawn event) {
		update("DELETE FROM {s}.decision WHERE meeting_id = ? AND decision_id = ?", event.meetingId().value(),
				event.decisionId().value());
	}

	@EventHandler
	void on(DecisionTaken event, TrackingToken token) {
		update("INSERT INTO {s}.decision (meeting_id, decision_id, item_id, matter_id, kind, text, recorded_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", event.meetingId().value(),
				event.decisionId().value(), event.itemId().value(), id(event.matterId()), event.kind().name(),
				event.text(), token.position().orElse(0));
	}

	@EventHandler
	void on(DecisionRevised event) {
		update("UPDATE {s}.decision SET text = ? WHERE meeting_id = ? AND decision_id = ?", event.text(),
				event.meetingId().value(), event.decisionId().value());
	}

	@EventHandler
	void on(ItemDeferred event) {
		update("UPDATE {s}.agenda_item SET deferred = true, deferred_to_meeting = ?, deferred_to_backlog_of = ?, defer_reason = ? "
				+ "WHERE meeting_id = ? AND item_id = ?", id(event.toMeeting()),
				(event.toBacklogOf() != null) ? event.toBacklogOf().value() : null, event.reason(),
				event.meetingId().value(), event.itemId().value());
	}

	@EventHandler
	void on(DeferralWithdrawn event) {
		update("UPDATE {s}.agenda_item SET deferred = false, deferred_to_meeting = NULL, deferred_to_backlog_of = NULL, "
				+ "defer_reason = NULL WHERE meeting_id = ? AND item_id = ?", event.meetingId().value(),
				event.itemId().value());
	}

	@EventHandler
	void on(MeetingClosed event) {
		update("UPDATE {s}.meeting SET status = 'CLOSED' WHERE meeting_id = ?", event.meetingId().value());
	}

	@EventHandler
	void on(MinutesAdjusted event) {
		update("UPDATE {s}.meeting SET status = 'ADJUSTED', adjusted_on = ?, adjusted_by = ?::jsonb WHERE meeting_id = ?",
				event.adjustedOn(), Json.write(event.adjustedBy()), event.meetingId().value());
	}

	@EventHandler
	void on(MinutesCorrected event, @Timestamp Instant recordedAt, @MetaDataValue("recordedBy") String recordedBy) {
		update("INSERT INTO {s}.correction (meeting_id, correction_id, item_id, decision_id, what, correction, reason, recorded_at, recorded_by) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", event.meetingId().value(),
				event.correctionId().value(), (event.itemId() != null) ? event.itemId().value() : null,
				(event.decisionId() != null) ? event.decisionId().value() : null, event.what(), event.correction(),
				event.reason(), java.sql.Timestamp.from(recordedAt), recordedBy);
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
	void on(AssignmentHandedOut event, TrackingToken token) {
		Due due = event.due();
		update("INSERT INTO {s}.item_assignment (meeting_id, item_id, assignment_id, kind, description, assignees, "
				+ "due_date, due_at_meeting, due_at_meeting_of, position) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?) "
				+ "ON CONFLICT DO NOTHING", event.meetingId().value(), event.itemId().value(),
				event.assignmentId().value(), event.kind().name(), event.description(), Json.write(event.assignees()),
				due.date(), id(due.atMeeting()), id(due.atMeetingOf()), token.position().orElse(0));
	}

	/**
	 * The minutes' own text, mended before they are adjusted; unlike a new due or other
	 * assignees, which are the assignment's later course, it changes what they say.
	 */
	@EventHandler
	void on(AssignmentRevised event) {
		update("UPDATE {s}.item_assignment SET description = ? WHERE assignment_id = ?", event.description(),
				event.assignmentId().value());
	}

	@EventHandler
	void on(AssignmentReportedBack event, TrackingToken token) {
		update("INSERT INTO {s}.item_report (meeting_id, position, item_id, assignment_id, summary) "
				+ "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", event.meetingId().value(),
				token.position().orElse(0), id(event.itemId()), event.assignmentId().value(), event.summary());
	}

	/** A referral recorded without a meeting was not made at one: no minutes show it. */
	@EventHandler
	void on(MatterReferred event, TrackingToken token) {
		if (event.atMeeting() == null) {
			return;
		}
		update("INSERT INTO {s}.item_referral (meeting_id, position, item_id, matter_id, to_body, purpose, note) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", event.atMeeting().value(),
				token.position().orElse(0), id(event.itemId()), event.matterId().value(), event.toBody().value(),
				event.purpose().name(), event.note());
	}

	/** The minutes no longer say the matter was sent there; the last such line goes. */
	@EventHandler
	void on(ReferralWithdrawn event) {
		if (event.atMeeting() == null) {
			return;
		}
		update("DELETE FROM {s}.item_referral WHERE meeting_id = ? AND position = (SELECT max(r.position) "
				+ "FROM {s}.item_referral r WHERE r.meeting_id = ? AND r.matter_id = ? AND r.to_body = ? "
				+ "AND r.item_id IS NOT DISTINCT FROM ?)", event.atMeeting().value(), event.atMeeting().value(),
				event.matterId().value(), event.toBody().value(), id(event.itemId()));
	}

	private void update(String statement, Object... params) {
		this.statements.update(statement, params);
	}

}
