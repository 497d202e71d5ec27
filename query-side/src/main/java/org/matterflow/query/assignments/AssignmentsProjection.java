package org.matterflow.query.assignments;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.matterflow.kernel.assignment.*;
import org.matterflow.kernel.body.BodyDissolved;
import org.matterflow.kernel.body.BodyEstablished;
import org.matterflow.kernel.body.BodyRenamed;
import org.matterflow.kernel.meeting.MeetingCancelled;
import org.matterflow.kernel.meeting.MeetingRescheduled;
import org.matterflow.kernel.meeting.MeetingScheduled;
import org.matterflow.kernel.meeting.MeetingTime;
import org.matterflow.query.common.DatePrecisions;
import org.matterflow.query.common.DatePrecisions.Inferred;
import org.matterflow.query.common.Folded;
import org.matterflow.query.common.Statements;

import static org.matterflow.query.common.Rows.id;

/** Writes one generation of the assignments read model. */
class AssignmentsProjection {

	/**
	 * Where a hand-out's day without a precision may find its meeting's: for one recorded
	 * before precisions were kept (DatePrecisions.inferred).
	 */
	private static final String MEETINGS = "{s}.undated_meeting";

	private final Statements statements;

	AssignmentsProjection(Statements statements) {
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
	void on(MeetingCancelled event, @MetaDataValue("businessDate") String businessDate) {
		update("INSERT INTO {s}.cancelled_meeting (meeting_id, cancelled_on, reason) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
				event.meetingId().value(), date(businessDate), event.reason());
	}

	/**
	 * Meetings known only to their month or year, for the precision of what was handed
	 * out at them before precisions were kept: few, so the others are not kept.
	 */
	@EventHandler
	void on(MeetingScheduled event) {
		undated(event.meetingId().value(), event.time());
	}

	@EventHandler
	void on(MeetingRescheduled event) {
		undated(event.meetingId().value(), event.to());
	}

	private void undated(String meeting, MeetingTime time) {
		String precision = DatePrecisions.stored(time);
		if (precision != null) {
			update("INSERT INTO {s}.undated_meeting (meeting_id, date, date_precision) VALUES (?, ?, ?) "
					+ "ON CONFLICT (meeting_id) DO UPDATE SET date = excluded.date, "
					+ "date_precision = excluded.date_precision", meeting, time.date(), precision);
		}
		else {
			update("DELETE FROM {s}.undated_meeting WHERE meeting_id = ?", meeting);
		}
	}

	@EventHandler
	void on(AssignmentHandedOut event, @MetaDataValue("businessDate") String businessDate, EventMessage<?> message) {
		Due due = event.due();
		Inferred precision = DatePrecisions.inferred(message.getMetaData(), event.meetingId().value());
		update("INSERT INTO {s}.assignment (assignment_id, body_id, meeting_id, item_id, matter_id, description, kind, due_date, "
				+ "due_at_meeting, due_at_meeting_of, status, handed_out_on, handed_out_on_precision) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, " + precision.sql(MEETINGS)
				+ ") ON CONFLICT DO NOTHING",
				DatePrecisions.params(event.assignmentId().value(), event.bodyId().value(), event.meetingId().value(),
						event.itemId().value(), id(event.matterId()), event.description(), event.kind().name(),
						due.date(), id(due.atMeeting()), id(due.atMeetingOf()), date(businessDate), precision));
		update("INSERT INTO {s}.assignment_words (assignment_id, words) VALUES (?, ?) ON CONFLICT DO NOTHING",
				event.assignmentId().value(), Folded.of(event.description()));
		assignees(event.assignmentId(), event.assignees());
	}

	@EventHandler
	void on(AssignmentDueDateChanged event) {
		Due due = event.to();
		update("UPDATE {s}.assignment SET due_date = ?, due_at_meeting = ?, due_at_meeting_of = ?, overdue = false, "
				+ "overdue_on = NULL WHERE assignment_id = ?", due.date(), id(due.atMeeting()), id(due.atMeetingOf()),
				event.assignmentId().value());
	}

	/** Listed and searched by what it reads now. */
	@EventHandler
	void on(AssignmentRevised event) {
		update("UPDATE {s}.assignment SET description = ? WHERE assignment_id = ?", event.description(),
				event.assignmentId().value());
		update("UPDATE {s}.assignment_words SET words = ? WHERE assignment_id = ?", Folded.of(event.description()),
				event.assignmentId().value());
	}

	@EventHandler
	void on(AssignmentReassigned event) {
		update("DELETE FROM {s}.assignee WHERE assignment_id = ?", event.assignmentId().value());
		assignees(event.assignmentId(), event.assignees());
	}

	/**
	 * A report back that took effect by the day the assignment became overdue for was in
	 * time: the minutes recording it were written up after the deadline fired or the
	 * meeting was closed. It clears the overdue; a later one does not.
	 */
	@EventHandler
	void on(AssignmentReportedBack event, @MetaDataValue("businessDate") String businessDate) {
		update("UPDATE {s}.assignment SET reported_back = true, last_report = ?, "
				+ "overdue = overdue AND NOT coalesce(?::date <= overdue_on, false) WHERE assignment_id = ?",
				event.summary(), date(businessDate), event.assignmentId().value());
	}

	@EventHandler
	void on(AssignmentCompleted event, @MetaDataValue("businessDate") String businessDate) {
		update("UPDATE {s}.assignment SET status = 'COMPLETED', finished_on = ? WHERE assignment_id = ?",
				date(businessDate), event.assignmentId().value());
	}

	@EventHandler
	void on(AssignmentWithdrawn event, @MetaDataValue("businessDate") String businessDate) {
		update("UPDATE {s}.assignment SET status = 'WITHDRAWN', finished_on = ? WHERE assignment_id = ?",
				date(businessDate), event.assignmentId().value());
	}

	/**
	 * For a due date, the day that passed; for a due at a meeting, the day that meeting
	 * was held without the report back (DueAtMeetingWatch on the command side).
	 */
	@EventHandler
	void on(AssignmentBecameOverdue event) {
		update("UPDATE {s}.assignment SET overdue = true, overdue_on = ? "
				+ "WHERE assignment_id = ? AND (due_date = ? OR due_date IS NULL)", event.due(),
				event.assignmentId().value(), event.due());
	}

	private void assignees(AssignmentId assignment, List<Assignee> assignees) {
		for (Assignee assignee : assignees) {
			update("INSERT INTO {s}.assignee (assignment_id, kind, assignee_id, name) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
					assignment.value(), assignee.kind().name(), assignee.id(), assignee.name());
		}
	}

	private static LocalDate date(String businessDate) {
		return (businessDate != null) ? LocalDate.parse(businessDate) : null;
	}

	private void update(String statement, Object... params) {
		this.statements.update(statement, params);
	}

}
