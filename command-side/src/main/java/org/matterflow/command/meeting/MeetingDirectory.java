package org.matterflow.command.meeting;

import java.time.LocalDate;
import java.util.Optional;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.matterflow.command.common.RuleViolation;
import org.matterflow.command.common.UnknownReference;
import org.matterflow.kernel.ErrorCode;
import org.matterflow.kernel.meeting.AgendaItemId;
import org.matterflow.kernel.meeting.MeetingId;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Answers {@link Meetings} from the meeting aggregates, in the asking command's unit of
 * work.
 */
@Component
class MeetingDirectory implements Meetings {

	private final Repository<MeetingAggregate> meetings;

	private final EventStore events;

	MeetingDirectory(@Lazy Repository<MeetingAggregate> meetings, @Lazy EventStore events) {
		this.meetings = meetings;
		this.events = events;
	}

	@Override
	public MeetingFacts requireInSession(MeetingId meetingId, AgendaItemId itemId) {
		try {
			return this.meetings.load(meetingId.toString()).invoke((meeting) -> meeting.factsFor(itemId));
		}
		catch (AggregateNotFoundException ex) {
			throw new UnknownReference("meeting", meetingId.value());
		}
	}

	@Override
	public LocalDate requireNotCancelled(MeetingId meetingId) {
		try {
			LocalDate day = this.meetings.load(meetingId.toString())
				.invoke((meeting) -> meeting.isCancelled() ? null : meeting.schedule().time().date());
			RuleViolation.check(day != null, ErrorCode.MEETING_CANCELLED,
					"meeting '" + meetingId.value() + "' was cancelled");
			return day;
		}
		catch (AggregateNotFoundException ex) {
			throw new UnknownReference("meeting", meetingId.value());
		}
	}

	/**
	 * Loads the meeting in the caller's unit of work, or in one of its own when asked
	 * from outside a command (as the importer does before it sends any).
	 */
	@Override
	public Optional<Schedule> scheduleOf(MeetingId meetingId) {
		if (this.events.lastSequenceNumberFor(meetingId.toString()).isEmpty()) {
			return Optional.empty();
		}
		java.util.concurrent.Callable<Optional<Schedule>> load = () -> {
			try {
				return Optional.of(this.meetings.load(meetingId.toString()).invoke(MeetingAggregate::schedule));
			}
			catch (AggregateNotFoundException ex) {
				return Optional.empty();
			}
		};
		try {
			if (CurrentUnitOfWork.isStarted()) {
				return load.call();
			}
			UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
			try {
				Optional<Schedule> schedule = load.call();
				unitOfWork.commit();
				return schedule;
			}
			catch (RuntimeException ex) {
				unitOfWork.rollback(ex);
				throw ex;
			}
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
