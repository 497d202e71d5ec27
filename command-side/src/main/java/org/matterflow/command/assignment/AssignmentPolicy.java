package org.matterflow.command.assignment;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.deadline.DeadlineManager;
import org.matterflow.command.body.Bodies;
import org.matterflow.command.common.RuleViolation;
import org.matterflow.command.meeting.Meetings;
import org.matterflow.kernel.ErrorCode;
import org.matterflow.kernel.assignment.Assignee;
import org.matterflow.kernel.assignment.Due;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.matter.MatterId;
import org.matterflow.kernel.meeting.MeetingTime;

/** The rules of an assignment that reach beyond its own state. */
final class AssignmentPolicy {

	private AssignmentPolicy() {
	}

	/**
	 * A body named as assignee must exist; people are recorded by name as the minutes
	 * give them.
	 */
	static void requireAssigneesExist(List<Assignee> assignees, Bodies bodies) {
		assignees.stream()
			.filter((assignee) -> assignee.kind() == Assignee.Kind.BODY)
			.forEach((assignee) -> bodies.requireActive(BodyId.of(assignee.id())));
	}

	/**
	 * A due at a meeting names one on the calendar, not cancelled, or a body that exists:
	 * the process manager watches the calendar for it (ADR 0014), and a meeting it never
	 * hears of would leave the assignment never overdue. A meeting whose date is not yet
	 * set goes into the calendar first, tentatively.
	 * <p>
	 * Nor is an assignment due before the meeting that handed it out
	 * ({@code handedOutOn}, when known): such a due is a slip of the year or the month,
	 * and would make the assignment overdue the moment it is recorded. A due on the
	 * meeting's own day stands ("by the end of the day").
	 */
	static void requireDueCanComeAbout(Due due, LocalDate handedOutOn, Meetings meetings, Bodies bodies) {
		if (due.hasDate() && handedOutOn != null) {
			RuleViolation.check(!due.date().isBefore(handedOutOn), ErrorCode.RULE_BROKEN,
					"an assignment handed out on " + handedOutOn + " cannot be due on " + due.date() + ", before it");
		}
		if (due.atMeeting() != null) {
			LocalDate meetingDay = meetings.requireNotCancelled(due.atMeeting());
			RuleViolation.check(handedOutOn == null || !meetingDay.isBefore(handedOutOn), ErrorCode.RULE_BROKEN,
					"an assignment handed out on " + handedOutOn + " cannot be due at meeting '"
							+ due.atMeeting().value() + "' of " + meetingDay + ", before it");
		}
		if (due.atMeetingOf() != null) {
			bodies.requireActive(due.atMeetingOf());
		}
	}

	static void requireMatterOfItem(MatterId named, MatterId ofItem) {
		RuleViolation.check(named == null || ofItem == null || named.equals(ofItem), ErrorCode.RULE_BROKEN,
				"the item is about matter '" + ((ofItem != null) ? ofItem.value() : "") + "', not '"
						+ ((named != null) ? named.value() : "") + "'");
	}

	/**
	 * A dated assignment becomes overdue at the start of the day after it was due, in
	 * Swedish time.
	 */
	static void scheduleOverdue(DeadlineManager deadlines, Due due) {
		if (due.hasDate()) {
			deadlines.schedule(due.date().plusDays(1).atStartOfDay(MeetingTime.ZONE).toInstant(),
					AssignmentAggregate.OVERDUE, due.date());
		}
	}

}
