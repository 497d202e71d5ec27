package org.matterflow.query.history;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.matterflow.kernel.assignment.*;
import org.matterflow.kernel.body.BodyEstablished;
import org.matterflow.kernel.body.BodyRenamed;
import org.matterflow.kernel.matter.*;
import org.matterflow.kernel.meeting.*;
import org.matterflow.query.common.DatePrecisions;
import org.matterflow.query.common.DatePrecisions.Inferred;
import org.matterflow.query.common.Folded;
import org.matterflow.query.common.Json;
import org.matterflow.query.common.Remembered;
import org.matterflow.query.common.Statements;

import static org.matterflow.query.common.Rows.id;

/**
 * Writes one generation of the audit history. Every event that concerns a matter adds one
 * step, keyed by the event's id, with the body, meeting and item it happened in, the
 * business date, when and by whom it was recorded, and its global position. Facts of
 * other aggregates (which body a meeting belongs to, which matter an assignment serves)
 * are kept in lookup tables.
 */
class HistoryProjection {

	/** Where a business date without a precision may find its meeting's. */
	private static final String MEETINGS = "{s}.meeting";

	/** Enough for every meeting and assignment of years of a region's bodies. */
	static final int REMEMBERED_FACTS = 20_000;

	private final Statements statements;

	/**
	 * The body each meeting belongs to and the matter and body each assignment serves:
	 * facts no later event changes, which most steps need. Kept here they cost a step no
	 * statement of its own (in the benchmark's mix about one event in three needs one). A
	 * fact not here (after a restart, or pushed out by newer ones) is read from the
	 * lookup tables as before. A batch that rolls back is processed again from the same
	 * events, which record the same facts, so what is kept never disagrees with the
	 * tables.
	 */
	private final Map<String, String> bodyOfMeeting = Remembered.upTo(REMEMBERED_FACTS);

	private final Map<String, HandedOut> handedOut = Remembered.upTo(REMEMBERED_FACTS);

	/** The matter and the body an assignment was handed out for. */
	private record HandedOut(String matterId, String bodyId) {
	}

	HistoryProjection(Statements statements) {
		this.statements = statements;
	}

	/** Where a step happened, and what it carries. */
	private record Step(String kind, String bodyId, String meetingId, String itemId, String decisionId,
			String assignmentId, String summary, Map<String, Object> details) {

		static Step of(String kind, String bodyId, String summary) {
			return new Step(kind, bodyId, null, null, null, null, summary, new LinkedHashMap<>());
		}

		Step at(String meetingId, String itemId) {
			return new Step(this.kind, this.bodyId, meetingId, itemId, this.decisionId, this.assignmentId, this.summary,
					this.details);
		}

		Step decision(String decisionId) {
			return new Step(this.kind, this.bodyId, this.meetingId, this.itemId, decisionId, this.assignmentId,
					this.summary, this.details);
		}

		Step assignment(String assignmentId) {
			return new Step(this.kind, this.bodyId, this.meetingId, this.itemId, this.decisionId, assignmentId,
					this.summary, this.details);
		}

		Step with(String key, Object value) {
			if (value != null) {
				this.details.put(key, value);
			}
			return this;
		}

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
		// as the insert: the first scheduling of a meeting id is the one that holds
		this.bodyOfMeeting.putIfAbsent(event.meetingId().value(), event.bodyId().value());
		precisionForImported(event.meetingId().value(), event.time());
	}

	@EventHandler
	void on(MeetingRescheduled event) {
		update("UPDATE {s}.meeting SET date = ?, date_precision = ? WHERE meeting_id = ?", event.to().date(),
				DatePrecisions.stored(event.to()), event.meetingId().value());
		precisionForImported(event.meetingId().value(), event.to());
	}

	/**
	 * A meeting record raises and closes the matters it lists before it schedules its
	 * meeting. Recorded before precisions were kept, those events carry none and find no
	 * meeting yet: they take the meeting's precision once it is scheduled (or moved) to a
	 * month or a year on their day.
	 */
	private void precisionForImported(String meeting, MeetingTime time) {
		String precision = DatePrecisions.stored(time);
		if (precision == null) {
			return;
		}
		update("UPDATE {s}.step s SET business_date_precision = ? FROM {s}.matter m WHERE s.matter_id = m.matter_id "
				+ "AND ((m.raised_import = ? AND s.step = 'RAISED') OR (m.closed_import = ? AND s.step = 'CLOSED')) "
				+ "AND s.business_date = ? AND s.business_date_precision IS NULL", precision, meeting, meeting,
				time.date());
		update("UPDATE {s}.matter SET raised_on_precision = ? WHERE raised_import = ? AND raised_on = ? "
				+ "AND raised_on_precision IS NULL", precision, meeting, time.date());
		update("UPDATE {s}.matter SET closed_on_precision = ? WHERE closed_import = ? AND closed_on = ? "
				+ "AND closed_on_precision IS NULL", precision, meeting, time.date());
	}

	@EventHandler
	void on(MatterRaised event, EventMessage<?> message, TrackingToken token) {
		Inferred precision = precision(message, null);
		update("INSERT INTO {s}.matter (matter_id, title, reference, description, reference_key, words, raised_in, "
				+ "raised_on, raised_on_precision, raised_position, raised_import) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
				+ precision.sql(MEETINGS) + ", ?, ?) ON CONFLICT DO NOTHING",
				DatePrecisions.params(event.matterId().value(), event.title(), event.reference(), event.description(),
						Folded.of(event.reference()),
						Folded.words(event.title(), event.reference(), event.description()), event.bodyId().value(),
						dayOf(message), precision, token.position().orElse(-1), precision.imported()));
		record(event.matterId().value(),
				Step.of("RAISED", event.bodyId().value(), event.title())
					.with("reference", event.reference())
					.with("description", event.description()),
				message, token);
	}

	/**
	 * The register lists a matter by its new title; its former titles stay among the
	 * words the search reads, so a researcher who knows the matter by an older name, as
	 * the minutes of its time call it, still finds it.
	 */
	@EventHandler
	void on(MatterRenamed event, EventMessage<?> message, TrackingToken token) {
		Map<String, Object> matter = matter(event.matterId());
		if (matter == null) {
			return;
		}
		update("UPDATE {s}.matter SET title = ?, words = words || ' ' || ? WHERE matter_id = ?", event.title(),
				Folded.words(event.title()), event.matterId().value());
		record(event.matterId().value(),
				Step.of("RENAMED", null, event.title())
					.with("previousTitle", matter.get("title"))
					.with("title", event.title())
					.with("reason", event.reason()),
				message, token);
	}

	/**
	 * As with a new title, the words of the description it had stay among those the
	 * search reads; the RAISED step keeps the description it was raised with.
	 */
	@EventHandler
	void on(MatterDescribed event, EventMessage<?> message, TrackingToken token) {
		update("UPDATE {s}.matter SET description = ?, words = words || ' ' || ? WHERE matter_id = ?",
				event.description(), Folded.words(event.description()), event.matterId().value());
		record(event.matterId().value(), Step.of("DESCRIBED", null, event.description()).with("reason", event.reason()),
				message, token);
	}

	/**
	 * The register number searched for ({@code reference}) is the one the matter has now;
	 * a number it had before stays among the words the search reads.
	 */
	@EventHandler
	void on(MatterRegistered event, EventMessage<?> message, TrackingToken token) {
		Map<String, Object> matter = matter(event.matterId());
		if (matter == null) {
			return;
		}
		update("UPDATE {s}.matter SET reference = ?, reference_key = ?, words = words || ' ' || ? WHERE matter_id = ?",
				event.reference(), Folded.of(event.reference()), Folded.words(event.reference()),
				event.matterId().value());
		record(event.matterId().value(),
				Step.of("REGISTERED", null, event.reference())
					.with("previousReference", matter.get("reference"))
					.with("reference", event.reference())
					.with("reason", event.reason()),
				message, token);
	}

	/**
	 * A matter this read model knows: its title and registration number as they stand.
	 */
	private Map<String, Object> matter(MatterId matter) {
		return this.statements.read("SELECT title, reference FROM {s}.matter WHERE matter_id = ?")
			.params(matter.value())
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElse(null);
	}

	@EventHandler
	void on(MatterReferred event, EventMessage<?> message, TrackingToken token) {
		record(event.matterId().value(),
				Step.of("REFERRED", event.toBody().value(), event.note())
					.at(id(event.atMeeting()), id(event.itemId()))
					.with("fromBody", event.fromBody().value())
					.with("toBody", event.toBody().value())
					.with("purpose", event.purpose().name()),
				message, token);
	}

	/**
	 * The REFERRED step stays: the trail shows the referral and that it was taken back.
	 * The referral taken back is the last one standing that was made as the event says.
	 */
	@EventHandler
	void on(ReferralWithdrawn event, EventMessage<?> message, TrackingToken token) {
		takeBack(event.matterId().value(), "REFERRED",
				"s.body_id = ? AND s.details ->> 'fromBody' = ? AND s.meeting_id IS NOT DISTINCT FROM ? "
						+ "AND s.item_id IS NOT DISTINCT FROM ?",
				message, event.toBody().value(), event.fromBody().value(), id(event.atMeeting()), id(event.itemId()));
		record(event.matterId().value(),
				Step.of("REFERRAL_WITHDRAWN", event.toBody().value(), event.reason())
					.at(id(event.atMeeting()), id(event.itemId()))
					.with("fromBody", event.fromBody().value())
					.with("toBody", event.toBody().value()),
				message, token);
	}

	@EventHandler
	void on(MatterRemovedFromBacklog event, EventMessage<?> message, TrackingToken token) {
		takeBack(event.matterId().value(), "QUEUED", "s.body_id = ?", message, event.bodyId().value());
		record(event.matterId().value(), Step.of("REMOVED_FROM_BACKLOG", event.bodyId().value(), event.reason()),
				message, token);
	}

	@EventHandler
	void on(MatterQueued event, EventMessage<?> message, TrackingToken token) {
		record(event.matterId().value(),
				Step.of("QUEUED", event.bodyId().value(), event.note()).with("priority", event.priority()), message,
				token);
	}

	@EventHandler
	void on(MatterClosed event, EventMessage<?> message, TrackingToken token) {
		Inferred precision = precision(message, null);
		update("UPDATE {s}.matter SET closed = true, closed_on = ?, closed_on_precision = " + precision.sql(MEETINGS)
				+ ", closed_import = ? WHERE matter_id = ?",
				DatePrecisions.params(businessDate(message), precision, precision.imported(),
						event.matterId().value()));
		record(event.matterId().value(), Step.of("CLOSED", null, event.outcome()), message, token);
	}

	@EventHandler
	void on(MatterReopened event, EventMessage<?> message, TrackingToken token) {
		update("UPDATE {s}.matter SET closed = false, closed_on = NULL, closed_on_precision = NULL, closed_import = NULL "
				+ "WHERE matter_id = ?", event.matterId().value());
		record(event.matterId().value(), Step.of("REOPENED", null, event.reason()), message, token);
	}

	@EventHandler
	void on(AgendaItemAdded event, EventMessage<?> message, TrackingToken token) {
		update("INSERT INTO {s}.item (meeting_id, item_id, title, matter_id) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
				event.meetingId().value(), event.itemId().value(), event.title(), id(event.matterId()));
		if (event.matterId() != null) {
			record(event.matterId().value(),
					atMeeting("PLACED_ON_AGENDA", event.meetingId(), event.itemId(), event.title())
						.with("kind", event.kind().name())
						.with("presenters", event.presenters()),
					message, token);
		}
	}

	/** The step that placed the item on the agenda keeps the title it had then. */
	@EventHandler
	void on(AgendaItemRenamed event, EventMessage<?> message, TrackingToken token) {
		String previous = titleOfItem(event.meetingId(), event.itemId().value());
		update("UPDATE {s}.item SET title = ? WHERE meeting_id = ? AND item_id = ?", event.title(),
				event.meetingId().value(), event.itemId().value());
		if (event.matterId() != null) {
			record(event.matterId().value(),
					atMeeting("ITEM_RENAMED", event.meetingId(), event.itemId(), event.title())
						.with("previousTitle", previous)
						.with("title", event.title())
						.with("reason", event.reason()),
					message, token);
		}
	}

	@EventHandler
	void on(AgendaItemWithdrawn event, EventMessage<?> message, TrackingToken token) {
		String matter = matterOfItem(event.meetingId(), event.itemId());
		if (matter != null) {
			record(matter, atMeeting("WITHDRAWN_FROM_AGENDA", event.meetingId(), event.itemId(), event.reason()),
					message, token);
		}
	}

	@EventHandler
	void on(MeetingCancelled event, EventMessage<?> message, TrackingToken token) {
		this.statements.read("SELECT item_id, matter_id FROM {s}.item WHERE meeting_id = ? AND matter_id IS NOT NULL")
			.param(event.meetingId().value())
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.list()
			.forEach((row) -> record(row[1],
					atMeeting("MEETING_CANCELLED", event.meetingId(), AgendaItemId.of(row[0]), event.reason()), message,
					token, row[0]));
	}

	@EventHandler
	void on(ItemDiscussed event, EventMessage<?> message, TrackingToken token) {
		if (event.matterId() != null) {
			record(event.matterId().value(), atMeeting("DISCUSSED", event.meetingId(), event.itemId(), event.summary()),
					message, token);
		}
	}

	/** The DISCUSSED steps before keep what was written down then. */
	@EventHandler
	void on(DiscussionRevised event, EventMessage<?> message, TrackingToken token) {
		if (event.matterId() != null) {
			record(event.matterId().value(),
					atMeeting("DISCUSSION_REVISED", event.meetingId(), event.itemId(), event.summary()).with("reason",
							event.reason()),
					message, token);
		}
	}

	/**
	 * The DECIDED step stays: the trail shows the decision and that it was taken back.
	 */
	@EventHandler
	void on(DecisionWithdrawn event, EventMessage<?> message, TrackingToken token) {
		if (event.matterId() != null) {
			takeBack(event.matterId().value(), "DECIDED", "s.meeting_id = ? AND s.decision_id = ?", message,
					event.meetingId().value(), event.decisionId().value());
			record(event.matterId().value(),
					atMeeting("DECISION_WITHDRAWN", event.meetingId(), event.itemId(), event.reason())
						.decision(event.decisionId().value()),
					message, token);
		}
	}

	@EventHandler
	void on(DecisionTaken event, EventMessage<?> message, TrackingToken token) {
		update("INSERT INTO {s}.decision (meeting_id, decision_id, item_id, matter_id, text) VALUES (?, ?, ?, ?, ?) "
				+ "ON CONFLICT DO NOTHING", event.meetingId().value(), event.decisionId().value(),
				event.itemId().value(), id(event.matterId()), event.text());
		if (event.matterId() != null) {
			record(event.matterId().value(),
					atMeeting("DECIDED", event.meetingId(), event.itemId(), event.text())
						.decision(event.decisionId().value())
						.with("kind", event.kind().name()),
					message, token);
		}
	}

	/**
	 * A revision before adjustment shows both texts, as a correction after it does; the
	 * decision's first text stays in its DECIDED step.
	 */
	@EventHandler
	void on(DecisionRevised event, EventMessage<?> message, TrackingToken token) {
		Map<String, Object> decided = decision(event.meetingId(), event.decisionId());
		if (decided == null) {
			return;
		}
		update("UPDATE {s}.decision SET text = ? WHERE meeting_id = ? AND decision_id = ?", event.text(),
				event.meetingId().value(), event.decisionId().value());
		if (decided.get("matter_id") != null) {
			record((String) decided.get("matter_id"),
					atMeeting("REVISED", event.meetingId(), AgendaItemId.of((String) decided.get("item_id")),
							event.text())
						.decision(event.decisionId().value())
						.with("original", decided.get("text"))
						.with("revision", event.text())
						.with("reason", event.reason()),
					message, token);
		}
	}

	/** A decision this read model knows: its item, its matter and the text it reads. */
	private Map<String, Object> decision(MeetingId meeting, DecisionId decision) {
		return this.statements
			.read("SELECT item_id, matter_id, text FROM {s}.decision WHERE meeting_id = ? AND decision_id = ?")
			.params(meeting.value(), decision.value())
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElse(null);
	}

	@EventHandler
	void on(ItemDeferred event, EventMessage<?> message, TrackingToken token) {
		if (event.matterId() != null) {
			record(event.matterId().value(),
					atMeeting("DEFERRED", event.meetingId(), event.itemId(), event.reason())
						.with("toMeeting", id(event.toMeeting()))
						.with("toBacklogOf", id(event.toBacklogOf())),
					message, token);
		}
	}

	/**
	 * The DEFERRED step stays: the trail shows the deferral and that it was taken back.
	 */
	@EventHandler
	void on(DeferralWithdrawn event, EventMessage<?> message, TrackingToken token) {
		if (event.matterId() != null) {
			takeBack(event.matterId().value(), "DEFERRED", "s.meeting_id = ? AND s.item_id = ?", message,
					event.meetingId().value(), event.itemId().value());
			record(event.matterId().value(),
					atMeeting("DEFERRAL_WITHDRAWN", event.meetingId(), event.itemId(), event.reason()), message, token);
		}
	}

	/**
	 * A correction shows both versions: what the adjusted minutes said, and what they say
	 * now.
	 */
	@EventHandler
	void on(MinutesCorrected event, EventMessage<?> message, TrackingToken token) {
		Map<String, Object> decided = (event.decisionId() != null) ? decision(event.meetingId(), event.decisionId())
				: null;
		String itemId = (decided != null) ? (String) decided.get("item_id") : id(event.itemId());
		String matter = (decided != null && decided.get("matter_id") != null) ? (String) decided.get("matter_id")
				: (itemId != null) ? matterOfItem(event.meetingId(), AgendaItemId.of(itemId)) : null;
		if (matter == null) {
			return;
		}
		String original = (decided != null) ? (String) decided.get("text") : titleOfItem(event.meetingId(), itemId);
		record(matter,
				atMeeting("CORRECTED", event.meetingId(), (itemId != null) ? AgendaItemId.of(itemId) : null,
						event.correction())
					.decision(id(event.decisionId()))
					.with("what", event.what())
					.with("original", original)
					.with("correction", event.correction())
					.with("reason", event.reason()),
				message, token);
	}

	@EventHandler
	void on(AssignmentHandedOut event, EventMessage<?> message, TrackingToken token) {
		update("INSERT INTO {s}.assignment (assignment_id, matter_id, body_id, meeting_id, item_id) VALUES (?, ?, ?, ?, ?) "
				+ "ON CONFLICT DO NOTHING", event.assignmentId().value(), id(event.matterId()), event.bodyId().value(),
				event.meetingId().value(), event.itemId().value());
		if (event.matterId() != null) {
			this.handedOut.putIfAbsent(event.assignmentId().value(),
					new HandedOut(event.matterId().value(), event.bodyId().value()));
			record(event.matterId().value(),
					atMeeting("ASSIGNMENT_HANDED_OUT", event.meetingId(), event.itemId(), event.description())
						.assignment(event.assignmentId().value())
						.with("kind", event.kind().name())
						.with("assignees", event.assignees())
						.with("due", event.due()),
					message, token);
		}
	}

	@EventHandler
	void on(AssignmentDueDateChanged event, EventMessage<?> message, TrackingToken token) {
		assignmentStep(event.assignmentId(), "ASSIGNMENT_DUE_CHANGED", event.reason(), null, null, message, token,
				Map.of("due", event.to()));
	}

	/** The ASSIGNMENT_HANDED_OUT step keeps the description it had then. */
	@EventHandler
	void on(AssignmentRevised event, EventMessage<?> message, TrackingToken token) {
		assignmentStep(event.assignmentId(), "ASSIGNMENT_REVISED", event.description(), null, null, message, token,
				(event.reason() != null) ? Map.of("reason", event.reason()) : Map.of());
	}

	@EventHandler
	void on(AssignmentReassigned event, EventMessage<?> message, TrackingToken token) {
		assignmentStep(event.assignmentId(), "ASSIGNMENT_REASSIGNED", event.reason(), null, null, message, token,
				Map.of("assignees", event.assignees()));
	}

	@EventHandler
	void on(AssignmentReportedBack event, EventMessage<?> message, TrackingToken token) {
		assignmentStep(event.assignmentId(), "REPORTED_BACK", event.summary(), event.meetingId(), event.itemId(),
				message, token, Map.of());
	}

	@EventHandler
	void on(AssignmentCompleted event, EventMessage<?> message, TrackingToken token) {
		assignmentStep(event.assignmentId(), "ASSIGNMENT_COMPLETED", event.note(), null, null, message, token,
				Map.of());
	}

	@EventHandler
	void on(AssignmentWithdrawn event, EventMessage<?> message, TrackingToken token) {
		assignmentStep(event.assignmentId(), "ASSIGNMENT_WITHDRAWN", event.reason(), null, null, message, token,
				Map.of());
	}

	@EventHandler
	void on(AssignmentBecameOverdue event, EventMessage<?> message, TrackingToken token) {
		assignmentStep(event.assignmentId(), "ASSIGNMENT_OVERDUE", null, null, null, message, token,
				Map.of("due", event.due().toString()));
	}

	private void assignmentStep(AssignmentId assignment, String kind, String summary, MeetingId meeting,
			AgendaItemId item, EventMessage<?> message, TrackingToken token, Map<String, Object> details) {
		// nothing is kept when the table has nothing either
		HandedOut handedOut = this.handedOut.computeIfAbsent(assignment.value(), (id) -> this.statements
			.read("SELECT matter_id, body_id FROM {s}.assignment WHERE assignment_id = ? AND matter_id IS NOT NULL")
			.param(id)
			.query((rs, n) -> new HandedOut(rs.getString(1), rs.getString(2)))
			.optional()
			.orElse(null));
		if (handedOut == null) {
			return;
		}
		Step step = ((meeting != null) ? atMeeting(kind, meeting, item, summary)
				: Step.of(kind, handedOut.bodyId(), summary))
			.assignment(assignment.value());
		details.forEach(step::with);
		record(handedOut.matterId(), step, message, token);
	}

	private Step atMeeting(String kind, MeetingId meeting, AgendaItemId item, String summary) {
		String body = this.bodyOfMeeting.computeIfAbsent(meeting.value(),
				(id) -> this.statements.read("SELECT body_id FROM {s}.meeting WHERE meeting_id = ?")
					.param(id)
					.query(String.class)
					.optional()
					.orElse(null));
		return Step.of(kind, body, summary).at(meeting.value(), id(item));
	}

	private String titleOfItem(MeetingId meeting, String itemId) {
		return this.statements.read("SELECT title FROM {s}.item WHERE meeting_id = ? AND item_id = ?")
			.params(meeting.value(), itemId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private String matterOfItem(MeetingId meeting, AgendaItemId item) {
		return this.statements.read("SELECT matter_id FROM {s}.item WHERE meeting_id = ? AND item_id = ?")
			.params(meeting.value(), item.value())
			.query(String.class)
			.optional()
			.orElse(null);
	}

	/**
	 * Marks the last step of a kind, among those the condition on {@code s} picks and not
	 * yet taken back, as taken back by this event. The step itself is not changed: the
	 * trail stays as it was written, and the mark is kept beside it. An event processed
	 * again marks nothing more, since it can take back one step only.
	 */
	private void takeBack(String matter, String kind, String condition, EventMessage<?> message, Object... params) {
		Object[] all = new Object[params.length + 3];
		all[0] = message.getIdentifier();
		all[1] = matter;
		all[2] = kind;
		System.arraycopy(params, 0, all, 3, params.length);
		update("INSERT INTO {s}.taken_back (by_event_id, matter_id, event_id) SELECT ?, s.matter_id, s.event_id "
				+ "FROM {s}.step s WHERE s.matter_id = ? AND s.step = ? AND " + condition
				+ " AND NOT EXISTS (SELECT 1 FROM {s}.taken_back t WHERE t.matter_id = s.matter_id "
				+ "AND t.event_id = s.event_id) ORDER BY s.position DESC, s.event_id DESC LIMIT 1 ON CONFLICT DO NOTHING",
				all);
	}

	private void record(String matter, Step step, EventMessage<?> message, TrackingToken token) {
		record(matter, step, message, token, null);
	}

	/**
	 * One event may concern several items of a matter (a cancelled meeting); the suffix
	 * keeps their steps apart.
	 */
	private void record(String matter, Step step, EventMessage<?> message, TrackingToken token, String suffix) {
		Object recordedBy = message.getMetaData().get("recordedBy");
		Inferred precision = precision(message, step.meetingId());
		update("INSERT INTO {s}.step (matter_id, event_id, position, step, body_id, meeting_id, item_id, decision_id, "
				+ "assignment_id, business_date, business_date_precision, recorded_at, recorded_by, summary, details) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + precision.sql(MEETINGS)
				+ ", ?, ?, ?, ?::jsonb) ON CONFLICT DO NOTHING",
				DatePrecisions.params(matter, message.getIdentifier() + ((suffix != null) ? "/" + suffix : ""),
						token.position().orElse(-1), step.kind(), step.bodyId(), step.meetingId(), step.itemId(),
						step.decisionId(), step.assignmentId(), businessDate(message), precision,
						java.sql.Timestamp.from(message.getTimestamp()),
						(recordedBy != null) ? recordedBy.toString() : null, step.summary(),
						Json.write(step.details())));
	}

	/**
	 * The day a change took effect: its business date, or where an event carries none,
	 * the day it was recorded, in Sweden.
	 */
	private static LocalDate dayOf(EventMessage<?> message) {
		LocalDate businessDate = businessDate(message);
		return (businessDate != null) ? businessDate : LocalDate.ofInstant(message.getTimestamp(), MeetingTime.ZONE);
	}

	/**
	 * {@code MONTH} or {@code YEAR} for a business date known only to that, recorded at
	 * an undated protocol, {@code null} for a day and for no business date: the event's
	 * own, or for one recorded before precisions were kept its meeting's
	 * (DatePrecisions.inferred).
	 */
	private static Inferred precision(EventMessage<?> message, String atMeeting) {
		return DatePrecisions.inferred(message.getMetaData(), atMeeting);
	}

	private static LocalDate businessDate(EventMessage<?> message) {
		Object businessDate = message.getMetaData().get("businessDate");
		return (businessDate != null) ? LocalDate.parse(businessDate.toString()) : null;
	}

	private void update(String statement, Object... params) {
		this.statements.update(statement, params);
	}

}
