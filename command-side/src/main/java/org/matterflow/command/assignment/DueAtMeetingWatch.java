package org.matterflow.command.assignment;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.saga.AssociationResolver;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.matterflow.command.common.RecordMetadata;
import org.matterflow.kernel.assignment.AssignmentBecameOverdue;
import org.matterflow.kernel.assignment.AssignmentCompleted;
import org.matterflow.kernel.assignment.AssignmentDueDateChanged;
import org.matterflow.kernel.assignment.AssignmentHandedOut;
import org.matterflow.kernel.assignment.AssignmentId;
import org.matterflow.kernel.assignment.AssignmentReportedBack;
import org.matterflow.kernel.assignment.AssignmentWithdrawn;
import org.matterflow.kernel.assignment.Due;
import org.matterflow.kernel.assignment.MarkAssignmentOverdue;
import org.matterflow.kernel.body.BodyDissolved;
import org.matterflow.kernel.body.BodyEstablished;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.meeting.CancelMeetingOfDissolvedBody;
import org.matterflow.kernel.meeting.MeetingCancelled;
import org.matterflow.kernel.meeting.MeetingClosed;
import org.matterflow.kernel.meeting.MeetingId;
import org.matterflow.kernel.meeting.MeetingRescheduled;
import org.matterflow.kernel.meeting.MeetingScheduled;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The process manager that makes assignments due at a meeting overdue (ADR 0014). An
 * assignment with a date gets a deadline; one due "at the next meeting of the working
 * group", or at a meeting named without its date, has none, since when that meeting is
 * held is known only from the body's calendar. One watch per body keeps the body's
 * meetings not yet held and the open assignments due at them; when one of those meetings
 * is closed, each assignment due there is told to the assignment, which becomes overdue
 * unless it was reported back or finished (the assignment decides, so a stale word from
 * the watch changes nothing). When the body is dissolved, the watch cancels its meetings
 * still to come, which it alone knows of.
 *
 * "The next meeting" is the body's first meeting on a later day than the one the
 * assignment was handed out (or its due changed) on: the meeting that handed it out is
 * closed after it, and does not count. The watch learns that it was held when a meeting
 * of the body is closed; a meeting before that one whose record was never closed (the
 * calendar has it, the minutes were not entered) was the next meeting all the same, and
 * the assignment is overdue from its day. The same holds for an assignment due at a
 * meeting named by its id: once a later meeting of its body is closed, the named one was
 * held, whether or not its own record was closed.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
		isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class DueAtMeetingWatch {

	/** Associates an assignment's due with the watch of the body or meeting it names. */
	static final String DUE_AT = "dueAt";

	private String bodyId;

	/** The body's meetings not yet held or cancelled, with their dates (by stream). */
	private Map<String, LocalDate> meetings = new LinkedHashMap<>();

	/** The open assignments due at one of them, by assignment id. */
	private Map<String, Waiting> waiting = new LinkedHashMap<>();

	/** The day the body was dissolved, once it is. */
	private LocalDate dissolvedOn;

	/**
	 * An assignment due at {@code dueAt} (this body's stream or one of its meetings'),
	 * counting meetings held after {@code since}.
	 */
	record Waiting(String dueAt, LocalDate since) {
	}

	@Autowired
	private transient CommandGateway commands;

	@StartSaga
	@SagaEventHandler(associationProperty = "bodyId")
	void on(BodyEstablished event) {
		this.bodyId = event.bodyId().value();
		SagaLifecycle.associateWith(DUE_AT, event.bodyId().toString());
	}

	/**
	 * Nothing of the body is held after its end: its meetings on the calendar after the
	 * day it was dissolved are cancelled, so that no calendar or agenda shows them as
	 * still to come. The watch is the one that knows the body's calendar. Assignments
	 * still due at its next meeting stay open as they are; the secretary gives them a new
	 * due or withdraws them.
	 * <p>
	 * The watch ends once none of the body's meetings is left to be closed or cancelled
	 * and no assignment waits at it: the minutes of its last meetings, up to the day it
	 * was dissolved, are often entered after the dissolution, some of them for meetings
	 * not yet on its calendar, and such a meeting held without a report back still makes
	 * the assignments due there overdue.
	 */
	@SagaEventHandler(associationProperty = "bodyId")
	void on(BodyDissolved event) {
		this.dissolvedOn = event.dissolvedOn();
		this.meetings.forEach((meeting, date) -> {
			if (date.isAfter(event.dissolvedOn())) {
				send(new CancelMeetingOfDissolvedBody(meetingOf(meeting), event.bodyId(), event.dissolvedOn(),
						event.reason()), event.dissolvedOn());
			}
		});
		endOnceNothingIsLeft();
	}

	@SagaEventHandler(associationProperty = "bodyId")
	void on(MeetingScheduled event) {
		String meeting = event.meetingId().toString();
		this.meetings.put(meeting, event.time().date());
		SagaLifecycle.associateWith("meetingId", meeting);
		SagaLifecycle.associateWith(DUE_AT, meeting);
	}

	@SagaEventHandler(associationProperty = "meetingId")
	void on(MeetingRescheduled event) {
		this.meetings.computeIfPresent(event.meetingId().toString(), (meeting, date) -> event.to().date());
	}

	@SagaEventHandler(associationProperty = "meetingId")
	void on(MeetingCancelled event) {
		forget(event.meetingId().toString());
	}

	@SagaEventHandler(associationProperty = "meetingId")
	void on(MeetingClosed event) {
		String meeting = event.meetingId().toString();
		LocalDate heldOn = this.meetings.get(meeting);
		if (heldOn == null) {
			forget(meeting);
			return;
		}
		String body = BodyId.of(this.bodyId).toString();
		Map<String, Map.Entry<String, LocalDate>> due = new LinkedHashMap<>();
		this.waiting.forEach((assignment, waits) -> {
			if (waits.dueAt().equals(meeting)) {
				due.put(assignment, Map.entry(meeting, heldOn));
			}
			else if (waits.dueAt().equals(body) && heldOn.isAfter(waits.since())) {
				due.put(assignment, firstAfter(waits.since(), meeting, heldOn));
			}
			else if (heldBefore(waits.dueAt(), heldOn)) {
				due.put(assignment, Map.entry(waits.dueAt(), this.meetings.get(waits.dueAt())));
			}
		});
		forget(meeting);
		for (Map.Entry<String, Map.Entry<String, LocalDate>> assignment : due.entrySet()) {
			stopWaiting(assignment.getKey());
			LocalDate dueOn = assignment.getValue().getValue();
			send(new MarkAssignmentOverdue(AssignmentId.of(assignment.getKey()),
					meetingOf(assignment.getValue().getKey()), BodyId.of(this.bodyId), dueOn), dueOn);
		}
	}

	/**
	 * Sends a command of matterflow's own, taking effect on the given day. In the watch's
	 * transaction: its events, the watch's state and its token commit together, and a
	 * failure tries the event again. The command keeps the correlation it was created
	 * with, that of the event the watch handles, so that what it causes is tied to the
	 * sitting that closed the meeting or dissolved the body.
	 */
	private void send(Object command, LocalDate tookEffectOn) {
		this.commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
			.andMetaData(RecordMetadata.byMatterflowOn(tookEffectOn)));
	}

	private static MeetingId meetingOf(String stream) {
		return MeetingId.of(stream.substring("meeting:".length()));
	}

	/**
	 * Whether {@code dueAt} is a meeting of this body on a day before one just held whose
	 * record was never closed: held all the same, as in {@link #firstAfter}.
	 */
	private boolean heldBefore(String dueAt, LocalDate heldOn) {
		LocalDate date = this.meetings.get(dueAt);
		return date != null && date.isBefore(heldOn);
	}

	/**
	 * The body's first meeting on the calendar after {@code since}, up to the one just
	 * closed: a meeting scheduled before it whose record was never closed (its minutes
	 * not entered) was the next meeting all the same, and the assignment was due there.
	 */
	private Map.Entry<String, LocalDate> firstAfter(LocalDate since, String closed, LocalDate heldOn) {
		Map.Entry<String, LocalDate> first = Map.entry(closed, heldOn);
		for (Map.Entry<String, LocalDate> scheduled : this.meetings.entrySet()) {
			LocalDate date = scheduled.getValue();
			if (date.isAfter(since) && date.isBefore(first.getValue())) {
				first = Map.entry(scheduled.getKey(), date);
			}
		}
		return first;
	}

	@SagaEventHandler(associationProperty = "due", keyName = DUE_AT, associationResolver = DueAt.class)
	void on(AssignmentHandedOut event, @MetaDataValue(RecordMetadata.BUSINESS_DATE) String businessDate) {
		wait(event.assignmentId().value(), event.due(), businessDate);
	}

	@SagaEventHandler(associationProperty = "to", keyName = DUE_AT, associationResolver = DueAt.class)
	void on(AssignmentDueDateChanged event, @MetaDataValue(RecordMetadata.BUSINESS_DATE) String businessDate) {
		wait(event.assignmentId().value(), event.to(), businessDate);
	}

	@SagaEventHandler(associationProperty = "assignmentId")
	void on(AssignmentReportedBack event) {
		stopWaiting(event.assignmentId().value());
	}

	@SagaEventHandler(associationProperty = "assignmentId")
	void on(AssignmentCompleted event) {
		stopWaiting(event.assignmentId().value());
	}

	@SagaEventHandler(associationProperty = "assignmentId")
	void on(AssignmentWithdrawn event) {
		stopWaiting(event.assignmentId().value());
	}

	@SagaEventHandler(associationProperty = "assignmentId")
	void on(AssignmentBecameOverdue event) {
		stopWaiting(event.assignmentId().value());
	}

	private void wait(String assignment, Due due, String businessDate) {
		// without a business date (none is recorded without one) any later meeting counts
		this.waiting.put(assignment,
				new Waiting(DueAt.of(due), (businessDate != null) ? LocalDate.parse(businessDate) : LocalDate.MIN));
		SagaLifecycle.associateWith("assignmentId", AssignmentId.of(assignment).toString());
	}

	private void stopWaiting(String assignment) {
		if (this.waiting.remove(assignment) != null) {
			SagaLifecycle.removeAssociationWith("assignmentId", AssignmentId.of(assignment).toString());
			endOnceNothingIsLeft();
		}
	}

	private void forget(String meeting) {
		this.meetings.remove(meeting);
		SagaLifecycle.removeAssociationWith("meetingId", meeting);
		SagaLifecycle.removeAssociationWith(DUE_AT, meeting);
		endOnceNothingIsLeft();
	}

	/**
	 * An assignment whose due was since moved to a date or another body stays among the
	 * waiting until it is reported back, finished, withdrawn or overdue (the move is
	 * heard only where the due now points), so such a dissolved body's watch ends later
	 * than it could; what it would send meanwhile the assignment ignores.
	 */
	private void endOnceNothingIsLeft() {
		if (this.dissolvedOn != null && this.meetings.isEmpty() && this.waiting.isEmpty()) {
			SagaLifecycle.end();
		}
	}

	/**
	 * Where an assignment is due when it has no date: the stream of the meeting it names,
	 * or of the body whose next meeting it is; none for an assignment with a date, which
	 * its deadline looks after.
	 */
	public static final class DueAt implements AssociationResolver {

		static String of(Due due) {
			if (due == null || due.hasDate()) {
				return null;
			}
			return (due.atMeeting() != null) ? due.atMeeting().toString() : due.atMeetingOf().toString();
		}

		@Override
		public <T> void validate(String associationPropertyName, MessageHandlingMember<T> handler) {
			// the property is read from the event's due, whatever its name
		}

		@Override
		public <T> Object resolve(String associationPropertyName, EventMessage<?> message,
				MessageHandlingMember<T> handler) {
			Object payload = message.getPayload();
			if (payload instanceof AssignmentHandedOut handedOut) {
				return of(handedOut.due());
			}
			if (payload instanceof AssignmentDueDateChanged changed) {
				return of(changed.to());
			}
			return null;
		}

	}

}
