package org.matterflow.command.meeting;

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

	MeetingDirectory(@Lazy Repository<MeetingAggregate> meetings) {
		this.meetings = meetings;
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
	public void requireNotCancelled(MeetingId meetingId) {
		try {
			boolean cancelled = this.meetings.load(meetingId.toString()).invoke(MeetingAggregate::isCancelled);
			RuleViolation.check(!cancelled, ErrorCode.MEETING_CANCELLED,
					"meeting '" + meetingId.value() + "' was cancelled");
		}
		catch (AggregateNotFoundException ex) {
			throw new UnknownReference("meeting", meetingId.value());
		}
	}

}
