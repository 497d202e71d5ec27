package org.matterflow.command.testing;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.matterflow.command.body.Bodies;
import org.matterflow.command.common.RuleViolation;
import org.matterflow.command.common.UnknownReference;
import org.matterflow.command.matter.Matters;
import org.matterflow.command.meeting.MeetingFacts;
import org.matterflow.command.meeting.Meetings;
import org.matterflow.kernel.ErrorCode;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.matter.MatterId;
import org.matterflow.kernel.meeting.AgendaItemId;
import org.matterflow.kernel.meeting.MeetingId;
import org.matterflow.kernel.meeting.MeetingTime.DatePrecision;

/**
 * What the other aggregates of the record hold, for fixture tests of one aggregate: the
 * bodies, meetings and matters a command may refer to. Stands in for the directories that
 * answer the same questions from the event store in the running application.
 */
public class KnownRecord implements Bodies, Meetings, Matters {

	private final Set<BodyId> activeBodies = new HashSet<>();

	private final Set<BodyId> dissolvedBodies = new HashSet<>();

	private final Map<BodyId, LocalDate> establishedOn = new HashMap<>();

	private final Map<MeetingId, MeetingFacts> meetingsInSession = new HashMap<>();

	private final Set<MeetingId> cancelledMeetings = new HashSet<>();

	private final Set<MeetingId> adjustedMeetings = new HashSet<>();

	private final Set<MeetingId> scheduledMeetings = new HashSet<>();

	private final Map<MeetingId, LocalDate> scheduledDates = new HashMap<>();

	/** The day of a scheduled meeting given without one: later than any test's. */
	private static final LocalDate SOME_DAY = LocalDate.of(2099, 12, 31);

	private final Set<MatterId> matters = new HashSet<>();

	public KnownRecord body(BodyId body) {
		this.activeBodies.add(body);
		return this;
	}

	/** An active body established on the given day. */
	public KnownRecord body(BodyId body, LocalDate establishedOn) {
		this.establishedOn.put(body, establishedOn);
		return body(body);
	}

	/** A body dissolved before any day a test names. */
	public KnownRecord dissolvedBody(BodyId body) {
		this.dissolvedBodies.add(body);
		return this;
	}

	public KnownRecord meetingInSession(MeetingId meeting, BodyId body, LocalDate date, MatterId matterOfItems) {
		return meetingInSession(meeting, body, date, DatePrecision.DAY, matterOfItems);
	}

	/** A meeting dated only to a month or a year, as an undated protocol's is. */
	public KnownRecord meetingInSession(MeetingId meeting, BodyId body, LocalDate date, DatePrecision precision,
			MatterId matterOfItems) {
		this.meetingsInSession.put(meeting, new MeetingFacts(meeting, body, date, precision, matterOfItems));
		return this;
	}

	public KnownRecord scheduledMeeting(MeetingId meeting) {
		this.scheduledMeetings.add(meeting);
		return this;
	}

	/** A meeting on the calendar, not yet opened, on the given day. */
	public KnownRecord scheduledMeeting(MeetingId meeting, LocalDate date) {
		this.scheduledDates.put(meeting, date);
		return scheduledMeeting(meeting);
	}

	/** A meeting held, whose minutes are adjusted. */
	public KnownRecord adjustedMeeting(MeetingId meeting, BodyId body, LocalDate date) {
		this.adjustedMeetings.add(meeting);
		return meetingInSession(meeting, body, date, null);
	}

	public KnownRecord cancelledMeeting(MeetingId meeting) {
		this.cancelledMeetings.add(meeting);
		return this;
	}

	public KnownRecord matter(MatterId matter) {
		this.matters.add(matter);
		return this;
	}

	@Override
	public void requireEstablished(BodyId bodyId) {
		if (!this.activeBodies.contains(bodyId) && !this.dissolvedBodies.contains(bodyId)) {
			throw new UnknownReference("body", bodyId.value());
		}
	}

	@Override
	public void requireActive(BodyId bodyId) {
		if (this.dissolvedBodies.contains(bodyId)) {
			throw new RuleViolation(ErrorCode.BODY_DISSOLVED, "body '" + bodyId.value() + "' is dissolved");
		}
		if (!this.activeBodies.contains(bodyId)) {
			throw new UnknownReference("body", bodyId.value());
		}
	}

	@Override
	public void requireMeetsOn(BodyId bodyId, LocalDate day) {
		requireActive(bodyId);
		LocalDate established = this.establishedOn.get(bodyId);
		if (established != null && day.isBefore(established)) {
			throw new RuleViolation(ErrorCode.RULE_BROKEN, "body '" + bodyId.value() + "' cannot meet on " + day
					+ ", before it was established on " + established);
		}
	}

	@Override
	public MeetingFacts requireInSession(MeetingId meetingId, AgendaItemId itemId) {
		requireNotCancelled(meetingId);
		if (this.scheduledMeetings.contains(meetingId)) {
			throw new RuleViolation(ErrorCode.MEETING_NOT_OPENED,
					"meeting '" + meetingId.value() + "' has not been opened yet");
		}
		if (this.adjustedMeetings.contains(meetingId)) {
			throw new RuleViolation(ErrorCode.MINUTES_ADJUSTED, "the minutes of meeting '" + meetingId.value()
					+ "' are adjusted; only a correction with a reason can change them");
		}
		return this.meetingsInSession.get(meetingId);
	}

	@Override
	public LocalDate requireNotCancelled(MeetingId meetingId) {
		if (this.cancelledMeetings.contains(meetingId)) {
			throw new RuleViolation(ErrorCode.MEETING_CANCELLED, "meeting '" + meetingId.value() + "' was cancelled");
		}
		if (!this.meetingsInSession.containsKey(meetingId) && !this.scheduledMeetings.contains(meetingId)) {
			throw new UnknownReference("meeting", meetingId.value());
		}
		return scheduleOf(meetingId).map((schedule) -> schedule.time().date()).orElse(SOME_DAY);
	}

	@Override
	public java.util.Optional<Schedule> scheduleOf(MeetingId meetingId) {
		MeetingFacts inSession = this.meetingsInSession.get(meetingId);
		if (inSession != null) {
			return java.util.Optional.of(new Schedule(
					new org.matterflow.kernel.meeting.MeetingTime(inSession.date(), null, null), null, false, false));
		}
		return java.util.Optional.ofNullable(this.scheduledDates.get(meetingId))
			.map((date) -> new Schedule(new org.matterflow.kernel.meeting.MeetingTime(date, null, null), null, false,
					true));
	}

	@Override
	public void requireExists(MatterId matterId) {
		if (!this.matters.contains(matterId)) {
			throw new UnknownReference("matter", matterId.value());
		}
	}

}
