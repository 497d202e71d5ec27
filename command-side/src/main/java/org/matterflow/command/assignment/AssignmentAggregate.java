package org.matterflow.command.assignment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.matterflow.command.body.Bodies;
import org.matterflow.command.common.RecordMetadata;
import org.matterflow.command.common.RuleViolation;
import org.matterflow.command.infrastructure.AggregateCacheConfiguration;
import org.matterflow.command.meeting.MeetingFacts;
import org.matterflow.command.meeting.Meetings;
import org.matterflow.kernel.ErrorCode;
import org.matterflow.kernel.Revision;
import org.matterflow.kernel.assignment.*;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An assignment (uppdrag) handed out under an item of a meeting, to people or to a body,
 * due on a date or at a meeting. When a dated assignment passes its day without a report
 * back it becomes overdue, through a durable deadline.
 */
@Aggregate(commandTargetResolver = "commandTargetResolver", cache = AggregateCacheConfiguration.ASSIGNMENTS)
@Revision("1")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
		isGetterVisibility = Visibility.NONE)
class AssignmentAggregate {

	static final String OVERDUE = "assignment-overdue";

	/**
	 * The event stream, {@code <type>:<id>}; a plain string so that deadline scopes and
	 * snapshots name the aggregate exactly as the event store does.
	 */
	@AggregateIdentifier
	private String stream;

	private AssignmentId assignmentId;

	private AssignmentHandedOut origin;

	/**
	 * The day of the meeting that handed it out: the hand-out takes effect on that day
	 * (its business date), so the event need not repeat it.
	 */
	private LocalDate handedOutOn;

	private Due due;

	/** What it reads now: as handed out, or as revised. */
	private String description;

	private List<Assignee> assignees = new ArrayList<>();

	private boolean finished;

	private AssignmentCompleted completion;

	private AssignmentWithdrawn withdrawal;

	private boolean reportedBack;

	private LocalDate overdueFor;

	/** The due an assignment became overdue for, at a meeting held without its report. */
	private Due overdueAt;

	private List<AssignmentReportedBack> reports = new ArrayList<>();

	AssignmentAggregate() {
	}

	@CommandHandler
	@CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
	void handle(HandOutAssignment command, Meetings meetings, Bodies bodies, DeadlineManager deadlines) {
		if (this.origin != null) {
			RuleViolation.check(sameHandOut(command), ErrorCode.DUPLICATE_ID,
					"a different assignment with id '" + command.assignmentId().value() + "' is already handed out");
			return;
		}
		MeetingFacts meeting = meetings.requireInSession(command.meetingId(), command.itemId());
		AssignmentPolicy.requireAssigneesExist(command.assignees(), bodies);
		AssignmentPolicy.requireDueCanComeAbout(command.due(), meeting.date(), meetings, bodies);
		AssignmentPolicy.requireMatterOfItem(command.matterId(), meeting.matterId());
		apply(new AssignmentHandedOut(command.assignmentId(), meeting.bodyId(), command.meetingId(), command.itemId(),
				(command.matterId() != null) ? command.matterId() : meeting.matterId(), command.assignees(),
				command.description(), command.due(), command.kind()),
				RecordMetadata.tookEffectOn(meeting.date(), meeting.datePrecision()));
		AssignmentPolicy.scheduleOverdue(deadlines, command.due());
	}

	/**
	 * The description is the minutes' text: revised while they are written, whether or
	 * not the assignment is finished, and corrected after they are adjusted. It keeps the
	 * event it was handed out with, so that a record imported again appends nothing.
	 */
	@CommandHandler
	void handle(ReviseAssignment command, Meetings meetings) {
		if (command.description().equals(this.description)) {
			return;
		}
		meetings.requireInSession(this.origin.meetingId(), null);
		apply(new AssignmentRevised(this.assignmentId, command.description(), command.reason()));
	}

	@CommandHandler
	void handle(ChangeAssignmentDueDate command, Meetings meetings, Bodies bodies, DeadlineManager deadlines) {
		requireUnfinished();
		if (!command.due().equals(this.due)) {
			AssignmentPolicy.requireDueCanComeAbout(command.due(), this.handedOutOn, meetings, bodies);
			apply(new AssignmentDueDateChanged(this.assignmentId, this.due, command.due(), command.reason()));
			AssignmentPolicy.scheduleOverdue(deadlines, command.due());
		}
	}

	@CommandHandler
	void handle(ReassignAssignment command, Bodies bodies) {
		requireUnfinished();
		if (!command.assignees().equals(this.assignees)) {
			AssignmentPolicy.requireAssigneesExist(command.assignees(), bodies);
			apply(new AssignmentReassigned(this.assignmentId, command.assignees(), command.reason()));
		}
	}

	@CommandHandler
	void handle(ReportBackAssignment command, Meetings meetings) {
		AssignmentReportedBack report = new AssignmentReportedBack(this.assignmentId, command.meetingId(),
				command.itemId(), command.summary());
		if (!this.reports.contains(report)) {
			requireUnfinished();
			MeetingFacts meeting = meetings.requireInSession(command.meetingId(), command.itemId());
			RuleViolation.check(this.handedOutOn == null || !meeting.date().isBefore(this.handedOutOn),
					ErrorCode.RULE_BROKEN,
					"an assignment handed out on " + this.handedOutOn + " cannot be reported back at meeting '"
							+ command.meetingId().value() + "' of " + meeting.date() + ", before it");
			apply(report, RecordMetadata.tookEffectOn(meeting.date(), meeting.datePrecision()));
		}
	}

	@CommandHandler
	void handle(CompleteAssignment command) {
		AssignmentCompleted completed = new AssignmentCompleted(this.assignmentId, command.note());
		if (!completed.equals(this.completion)) {
			requireUnfinished();
			apply(completed);
		}
	}

	@CommandHandler
	void handle(WithdrawAssignment command) {
		AssignmentWithdrawn withdrawn = new AssignmentWithdrawn(this.assignmentId, command.reason());
		if (!withdrawn.equals(this.withdrawal)) {
			requireUnfinished();
			apply(withdrawn);
		}
	}

	/**
	 * A meeting the assignment was due at was held (the process manager
	 * {@link DueAtMeetingWatch} tells): overdue unless reported back or finished before,
	 * and only if it is still due there without a date. The meeting it was handed out at
	 * never counts as its next one. Anything else changes nothing, so a late or repeated
	 * word from the watch is harmless.
	 */
	@CommandHandler
	void handle(MarkAssignmentOverdue command) {
		boolean dueThere = this.due != null && !this.due.hasDate() && (command.meetingId().equals(this.due.atMeeting())
				|| (this.due.atMeeting() == null && command.bodyId().equals(this.due.atMeetingOf())));
		if (this.finished || this.reportedBack || !dueThere || command.meetingId().equals(this.origin.meetingId())
				|| this.due.equals(this.overdueAt)) {
			return;
		}
		apply(new AssignmentBecameOverdue(this.assignmentId, command.heldOn()),
				RecordMetadata.byMatterflowOn(command.heldOn()));
	}

	/**
	 * Stale deadlines are not cancelled but ignored when they fire: one that was set for
	 * an earlier due date, or that fires after the report back, changes nothing.
	 */
	@DeadlineHandler(deadlineName = OVERDUE)
	void overdue(LocalDate dueDate) {
		if (!this.finished && !this.reportedBack && this.due != null && dueDate.equals(this.due.date())
				&& !dueDate.equals(this.overdueFor)) {
			apply(new AssignmentBecameOverdue(this.assignmentId, dueDate),
					RecordMetadata.byMatterflowOn(dueDate.plusDays(1)));
		}
	}

	private boolean sameHandOut(HandOutAssignment command) {
		return this.origin.meetingId().equals(command.meetingId()) && this.origin.itemId().equals(command.itemId())
				&& this.origin.assignees().equals(command.assignees())
				&& this.origin.description().equals(command.description()) && this.origin.due().equals(command.due())
				&& this.origin.kind() == command.kind()
				&& (command.matterId() == null || command.matterId().equals(this.origin.matterId()));
	}

	private void requireUnfinished() {
		RuleViolation.check(!this.finished, ErrorCode.ASSIGNMENT_FINISHED,
				"assignment '" + this.assignmentId.value() + "' is already completed or withdrawn");
	}

	@EventSourcingHandler
	void on(AssignmentHandedOut event, @MetaDataValue(RecordMetadata.BUSINESS_DATE) String businessDate) {
		this.stream = event.assignmentId().toString();
		this.assignmentId = event.assignmentId();
		this.origin = event;
		this.handedOutOn = (businessDate != null) ? LocalDate.parse(businessDate) : null;
		this.due = event.due();
		this.description = event.description();
		this.assignees = event.assignees();
	}

	@EventSourcingHandler
	void on(AssignmentRevised event) {
		this.description = event.description();
	}

	@EventSourcingHandler
	void on(AssignmentDueDateChanged event) {
		this.due = event.to();
	}

	@EventSourcingHandler
	void on(AssignmentReassigned event) {
		this.assignees = event.assignees();
	}

	@EventSourcingHandler
	void on(AssignmentReportedBack event) {
		this.reportedBack = true;
		this.reports.add(event);
	}

	@EventSourcingHandler
	void on(AssignmentCompleted event) {
		this.finished = true;
		this.completion = event;
	}

	@EventSourcingHandler
	void on(AssignmentWithdrawn event) {
		this.finished = true;
		this.withdrawal = event;
	}

	@EventSourcingHandler
	void on(AssignmentBecameOverdue event) {
		this.overdueFor = event.due();
		if (this.due != null && !this.due.hasDate()) {
			this.overdueAt = this.due;
		}
	}

}
