package org.matterflow.query.decisions;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.matterflow.kernel.body.BodyEstablished;
import org.matterflow.kernel.body.BodyRenamed;
import org.matterflow.kernel.meeting.AgendaItemAdded;
import org.matterflow.kernel.meeting.AgendaItemRenamed;
import org.matterflow.kernel.meeting.DecisionRevised;
import org.matterflow.kernel.meeting.DecisionTaken;
import org.matterflow.kernel.meeting.DecisionWithdrawn;
import org.matterflow.kernel.meeting.MeetingRescheduled;
import org.matterflow.kernel.meeting.MeetingScheduled;
import org.matterflow.kernel.meeting.MinutesCorrected;
import org.matterflow.query.common.DatePrecisions;
import org.matterflow.query.common.Folded;
import org.matterflow.query.common.Statements;

import static org.matterflow.query.common.Rows.id;

/** Writes one generation of the decision register. */
class DecisionsProjection {

	private final Statements statements;

	DecisionsProjection(Statements statements) {
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
	void on(MeetingScheduled event) {
		update("INSERT INTO {s}.meeting (meeting_id, body_id, date, date_precision) VALUES (?, ?, ?, ?) "
				+ "ON CONFLICT DO NOTHING", event.meetingId().value(), event.bodyId().value(), event.time().date(),
				DatePrecisions.stored(event.time()));
	}

	@EventHandler
	void on(MeetingRescheduled event) {
		update("UPDATE {s}.meeting SET date = ?, date_precision = ? WHERE meeting_id = ?", event.to().date(),
				DatePrecisions.stored(event.to()), event.meetingId().value());
	}

	@EventHandler
	void on(AgendaItemAdded event) {
		update("INSERT INTO {s}.item (meeting_id, item_id, title, title_words) VALUES (?, ?, ?, ?) "
				+ "ON CONFLICT DO NOTHING", event.meetingId().value(), event.itemId().value(), event.title(),
				Folded.of(event.title()));
	}

	/**
	 * The register lists the decisions under the item's new title and the search reads
	 * it; the text each decision is found by stays as it stands (revised or corrected).
	 */
	@EventHandler
	void on(AgendaItemRenamed event) {
		String titleWords = Folded.of(event.title());
		update("UPDATE {s}.item SET title = ?, title_words = ? WHERE meeting_id = ? AND item_id = ?", event.title(),
				titleWords, event.meetingId().value(), event.itemId().value());
		this.statements
			.read("SELECT decision_id, coalesce(corrected_text, text) AS text FROM {s}.decision "
					+ "WHERE meeting_id = ? AND item_id = ?")
			.params(event.meetingId().value(), event.itemId().value())
			.query()
			.listOfRows()
			.forEach((decision) -> update(
					"UPDATE {s}.decision SET item_title = ?, words = ? WHERE meeting_id = ? AND decision_id = ?",
					event.title(), Folded.words((String) decision.get("text"), event.title()),
					event.meetingId().value(), decision.get("decision_id")));
	}

	@EventHandler
	void on(DecisionTaken event, TrackingToken token) {
		update("INSERT INTO {s}.decision (meeting_id, decision_id, body_id, date, date_precision, item_id, item_title, "
				+ "matter_id, kind, text, words, position) SELECT m.meeting_id, ?, m.body_id, m.date, m.date_precision, ?, "
				+ "i.title, ?, ?, ?, "
				+ "? || coalesce(' ' || i.title_words, ''), ? FROM {s}.meeting m LEFT JOIN {s}.item i ON i.meeting_id = m.meeting_id "
				+ "AND i.item_id = ? WHERE m.meeting_id = ? ON CONFLICT DO NOTHING", event.decisionId().value(),
				event.itemId().value(), id(event.matterId()), event.kind().name(), event.text(),
				Folded.of(event.text()), token.position().orElse(0), event.itemId().value(), event.meetingId().value());
	}

	/**
	 * A revision comes before the minutes are adjusted, so before any correction; should
	 * one stand already, the text searched stays the corrected one.
	 */
	@EventHandler
	void on(DecisionRevised event) {
		update("UPDATE {s}.decision d SET text = ?, words = CASE WHEN d.corrected_text IS NULL THEN ? || coalesce(' ' || "
				+ "(SELECT i.title_words FROM {s}.item i WHERE i.meeting_id = d.meeting_id AND i.item_id = d.item_id), '') "
				+ "ELSE d.words END WHERE d.meeting_id = ? AND d.decision_id = ?", event.text(),
				Folded.of(event.text()), event.meetingId().value(), event.decisionId().value());
	}

	/** The meeting did not take it: the register lists only what was decided. */
	@EventHandler
	void on(DecisionWithdrawn event) {
		update("DELETE FROM {s}.decision WHERE meeting_id = ? AND decision_id = ?", event.meetingId().value(),
				event.decisionId().value());
	}

	@EventHandler
	void on(MinutesCorrected event) {
		if (event.decisionId() != null) {
			update("UPDATE {s}.decision d SET corrected_text = ?, correction_reason = ?, words = ? || coalesce(' ' || "
					+ "(SELECT i.title_words FROM {s}.item i WHERE i.meeting_id = d.meeting_id AND i.item_id = d.item_id), '') "
					+ "WHERE d.meeting_id = ? AND d.decision_id = ?", event.correction(), event.reason(),
					Folded.of(event.correction()), event.meetingId().value(), event.decisionId().value());
		}
	}

	private void update(String statement, Object... params) {
		this.statements.update(statement, params);
	}

}
