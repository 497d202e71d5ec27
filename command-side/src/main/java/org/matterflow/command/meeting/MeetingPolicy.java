package org.matterflow.command.meeting;

import java.time.LocalDate;

import org.matterflow.command.body.Bodies;
import org.matterflow.command.common.RuleViolation;
import org.matterflow.kernel.ErrorCode;
import org.matterflow.kernel.matter.MatterId;
import org.matterflow.kernel.meeting.AddAgendaItem;
import org.matterflow.kernel.meeting.AgendaItemAdded;
import org.matterflow.kernel.meeting.DecisionTaken;
import org.matterflow.kernel.meeting.DeferItem;
import org.matterflow.kernel.meeting.MeetingId;
import org.matterflow.kernel.meeting.MeetingTime;
import org.matterflow.kernel.meeting.TakeDecision;

/** The rules of a meeting's record that do not need the meeting's whole state. */
final class MeetingPolicy {

	private MeetingPolicy() {
	}

	static void requireNotCancelled(Stage stage, MeetingId meetingId) {
		RuleViolation.check(stage != Stage.CANCELLED, ErrorCode.MEETING_CANCELLED,
				"meeting '" + meetingId.value() + "' was cancelled");
	}

	/** The agenda can be built until the minutes are adjusted. */
	static void requireRecordOpen(Stage stage, MeetingId meetingId) {
		requireNotCancelled(stage, meetingId);
		RuleViolation.check(stage != Stage.ADJUSTED, ErrorCode.MINUTES_ADJUSTED, "the minutes of meeting '"
				+ meetingId.value() + "' are adjusted; only a correction with a reason can change them");
	}

	/**
	 * Attendance, decisions and deferrals are recorded from the opening until adjustment.
	 */
	static void requireInSession(Stage stage, MeetingId meetingId) {
		requireRecordOpen(stage, meetingId);
		RuleViolation.check(stage != Stage.SCHEDULED, ErrorCode.MEETING_NOT_OPENED,
				"meeting '" + meetingId.value() + "' has not been opened yet");
	}

	/**
	 * A meeting's record is opened on its day or later: attendance and decisions entered
	 * before would record as done what has not happened. A meeting held earlier than
	 * planned is rescheduled first, which the record then shows with its reason.
	 */
	static void requireMeetingDayCome(MeetingTime time, MeetingId meetingId, LocalDate today) {
		RuleViolation.check(!time.date().isAfter(today), ErrorCode.BEFORE_MEETING_DAY,
				"meeting '" + meetingId.value() + "' is on " + time.date() + " and cannot be opened before that day"
						+ "; if it is held today, reschedule it to today first");
	}

	/** Minutes are adjusted after the meeting and not on a day still to come. */
	static void requireAdjustableOn(LocalDate adjustedOn, MeetingTime time, LocalDate today) {
		RuleViolation.check(!adjustedOn.isBefore(time.date()), ErrorCode.RULE_BROKEN, "the minutes of a meeting on "
				+ time.date() + " cannot have been adjusted on " + adjustedOn + ", before it was held");
		RuleViolation.check(!adjustedOn.isAfter(today), ErrorCode.RULE_BROKEN,
				"the minutes cannot be recorded as adjusted on " + adjustedOn + ", a day that has not come (today is "
						+ today + ")");
	}

	static AgendaItemAdded added(AddAgendaItem command, int position) {
		return new AgendaItemAdded(command.meetingId(), command.itemId(), position, command.title(), command.kind(),
				command.matterId(), command.presenters(), command.guests(), command.documents(), command.description());
	}

	/** A decision is about the matter of its item; naming another matter is a mistake. */
	static DecisionTaken decision(MeetingId meetingId, TakeDecision command, MatterId itemMatter) {
		MatterId matter = (command.matterId() != null) ? command.matterId() : itemMatter;
		RuleViolation.check(itemMatter == null || itemMatter.equals(matter), ErrorCode.RULE_BROKEN,
				"item '" + command.itemId().value() + "' is about matter '"
						+ ((itemMatter != null) ? itemMatter.value() : "") + "', not '"
						+ ((matter != null) ? matter.value() : "") + "'");
		return new DecisionTaken(meetingId, command.decisionId(), command.itemId(), matter, command.kind(),
				command.text());
	}

	static void requireDeferralTarget(DeferItem command, MeetingId meetingId, Bodies bodies, Meetings meetings) {
		RuleViolation.check(command.toMeeting() == null || command.toBacklogOf() == null, ErrorCode.RULE_BROKEN,
				"an item is deferred to a meeting or to a backlog, not both");
		if (command.toMeeting() != null) {
			RuleViolation.check(!command.toMeeting().equals(meetingId), ErrorCode.RULE_BROKEN,
					"an item cannot be deferred to the meeting it is on");
			meetings.requireNotCancelled(command.toMeeting());
		}
		if (command.toBacklogOf() != null) {
			bodies.requireActive(command.toBacklogOf());
		}
	}

}
