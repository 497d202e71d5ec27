package org.matterflow.command.meeting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.matterflow.command.body.Bodies;
import org.matterflow.command.common.RecordMetadata;
import org.matterflow.command.common.RuleViolation;
import org.matterflow.command.infrastructure.AggregateCacheConfiguration;
import org.matterflow.command.matter.Matters;
import org.matterflow.kernel.ErrorCode;
import org.matterflow.kernel.Revision;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.meeting.*;

/**
 * A meeting of a body and its record: the agenda, who attended, what was decided and
 * deferred, and the minutes. The record is open for entries from the opening of the
 * meeting until its minutes are adjusted; after that it only takes corrections with a
 * reason.
 */
@Aggregate(snapshotTriggerDefinition = "meetingSnapshotTrigger", commandTargetResolver = "commandTargetResolver",
		cache = AggregateCacheConfiguration.MEETINGS)
@Revision("9")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
		isGetterVisibility = Visibility.NONE)
class MeetingAggregate {

	/**
	 * The event stream, {@code <type>:<id>}; a plain string so that deadline scopes and
	 * snapshots name the aggregate exactly as the event store does.
	 */
	@AggregateIdentifier
	private String stream;

	private MeetingId meetingId;

	private BodyId bodyId;

	private MeetingScheduled origin;

	private MeetingTime time;

	private String location;

	private boolean tentative;

	private Stage stage;

	private boolean agendaAdopted;

	private Agenda agenda = new Agenda();

	/**
	 * The decisions as taken: sending one again as taken changes nothing, also after its
	 * text was revised.
	 */
	private Map<String, DecisionTaken> decisions = new HashMap<>();

	/** The text each revised decision reads now. */
	private Map<String, String> revisedTexts = new HashMap<>();

	/**
	 * Decisions taken back: still known, so that a record imported again appends nothing.
	 */
	private Set<String> withdrawnDecisions = new HashSet<>();

	private Map<String, AttendanceRecorded> attendance = new HashMap<>();

	/** Who was taken out of the attendance, so that taking them out again is a repeat. */
	private Set<String> removedAttendance = new HashSet<>();

	private Map<String, ItemDeferred> deferrals = new HashMap<>();

	/** Deferrals taken back, so that sending one again does not make it anew. */
	private List<ItemDeferred> withdrawnDeferrals = new ArrayList<>();

	private Set<String> corrections = new HashSet<>();

	private MinutesAdjusterAppointed adjuster;

	MeetingAggregate() {
	}

	@CommandHandler
	@CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
	void handle(ScheduleMeeting command, Bodies bodies) {
		MeetingScheduled scheduled = new MeetingScheduled(command.meetingId(), command.bodyId(), command.time(),
				command.location(), command.mode(), command.tentative(), command.title());
		if (this.origin != null) {
			RuleViolation.check(this.origin.equals(scheduled), ErrorCode.DUPLICATE_ID,
					"a different meeting with id '" + command.meetingId().value() + "' is already scheduled");
			return;
		}
		bodies.requireMeetsOn(command.bodyId(), command.time().date());
		AggregateLifecycle.apply(scheduled);
	}

	@CommandHandler
	void handle(RescheduleMeeting command, Bodies bodies) {
		boolean sameTime = command.to().equals(this.time) && command.tentative() == this.tentative;
		String location = (command.location() != null) ? command.location() : this.location;
		if (sameTime && Objects.equals(location, this.location) && this.stage != Stage.CANCELLED) {
			return;
		}
		MeetingPolicy.requireNotCancelled(this.stage, this.meetingId);
		RuleViolation.check(this.stage == Stage.SCHEDULED, ErrorCode.MEETING_ALREADY_OPENED,
				"the meeting has already been held and cannot be moved");
		RuleViolation.check(!command.to().isBefore(this.time) || command.reason() != null, ErrorCode.REASON_REQUIRED,
				"moving a meeting earlier than " + this.time.date() + " needs a reason in the record");
		if (!command.to().date().equals(this.time.date())) {
			// another day may fall outside the body's life; a new hour on the same day
			// cannot, and needs no lock on the body
			bodies.requireMeetsOn(this.bodyId, command.to().date());
		}
		AggregateLifecycle.apply(new MeetingRescheduled(this.meetingId, this.time, command.to(), location,
				command.tentative(), command.reason()));
	}

	@CommandHandler
	void handle(CancelMeeting command) {
		if (this.stage == Stage.CANCELLED) {
			return;
		}
		RuleViolation.check(this.stage == Stage.SCHEDULED, ErrorCode.MEETING_ALREADY_OPENED,
				"the meeting has already been opened and can no longer be cancelled");
		AggregateLifecycle.apply(new MeetingCancelled(this.meetingId, command.reason()));
	}

	/**
	 * A meeting already opened was held, whatever became of its body since, and one on or
	 * before the dissolution day may still have been held with its minutes not yet
	 * entered; only a meeting still to come after the body's end is cancelled.
	 */
	@CommandHandler
	void handle(CancelMeetingOfDissolvedBody command) {
		if (this.stage != Stage.SCHEDULED || !command.bodyId().equals(this.bodyId)
				|| !this.time.date().isAfter(command.dissolvedOn())) {
			return;
		}
		AggregateLifecycle.apply(new MeetingCancelled(this.meetingId, command.reason()),
				RecordMetadata.byMatterflowOn(command.dissolvedOn()));
	}

	@CommandHandler
	void handle(AddAgendaItem command, Matters matters) {
		Agenda.Item existing = this.agenda.find(command.itemId());
		if (existing != null) {
			AgendaItemAdded retried = MeetingPolicy.added(command, existing.origin.position());
			RuleViolation.check(existing.origin.equals(retried), ErrorCode.DUPLICATE_ID,
					"item '" + command.itemId().value() + "' is already on the agenda with other content");
			return;
		}
		MeetingPolicy.requireRecordOpen(this.stage, this.meetingId);
		if (command.matterId() != null) {
			matters.requireExists(command.matterId());
		}
		AggregateLifecycle.apply(MeetingPolicy.added(command, this.agenda.positionFor(command.position())));
	}

	/**
	 * An item keeps the title it was added with, so that a record imported again still
	 * finds it the same item; a new title is a change of its own.
	 */
	@CommandHandler
	void handle(RenameAgendaItem command) {
		Agenda.Item item = this.agenda.require(command.itemId());
		if (item.title().equals(command.title())) {
			return;
		}
		MeetingPolicy.requireRecordOpen(this.stage, this.meetingId);
		AggregateLifecycle.apply(new AgendaItemRenamed(this.meetingId, command.itemId(), item.matterId(),
				command.title(), command.reason()));
	}

	@CommandHandler
	void handle(WithdrawAgendaItem command) {
		MeetingPolicy.requireRecordOpen(this.stage, this.meetingId);
		Agenda.Item item = this.agenda.find(command.itemId());
		if (item != null && item.withdrawn) {
			return;
		}
		this.agenda.require(command.itemId());
		RuleViolation.check(item.decisions == 0, ErrorCode.RULE_BROKEN,
				"item '" + command.itemId().value() + "' has decisions and cannot be withdrawn");
		AggregateLifecycle.apply(new AgendaItemWithdrawn(this.meetingId, command.itemId(), command.reason()));
	}

	@CommandHandler
	void handle(ReorderAgenda command) {
		MeetingPolicy.requireRecordOpen(this.stage, this.meetingId);
		this.agenda.requirePermutation(command.order());
		AggregateLifecycle.apply(new AgendaReordered(this.meetingId, command.order()));
	}

	@CommandHandler
	void handle(AdoptAgenda command) {
		if (!this.agendaAdopted) {
			MeetingPolicy.requireRecordOpen(this.stage, this.meetingId);
			AggregateLifecycle.apply(new AgendaAdopted(this.meetingId), onMeetingDay());
		}
	}

	/**
	 * The body is asked again: it may have been dissolved since the meeting was
	 * scheduled. The process manager cancels a meeting after the dissolution day once it
	 * hears of the dissolution; until it has, such a meeting must not be opened either.
	 */
	@CommandHandler
	void handle(OpenMeeting command, @MetaDataValue(RecordMetadata.RECORDED_AT) String recordedAt, Bodies bodies) {
		MeetingPolicy.requireNotCancelled(this.stage, this.meetingId);
		if (this.stage == Stage.SCHEDULED) {
			MeetingPolicy.requireMeetingDayCome(this.time, this.meetingId, RecordMetadata.recordedOn(recordedAt));
			bodies.requireMeetsOn(this.bodyId, this.time.date());
			AggregateLifecycle.apply(new MeetingOpened(this.meetingId), onMeetingDay());
		}
	}

	@CommandHandler
	void handle(RecordAttendance command) {
		AttendanceRecorded recorded = new AttendanceRecorded(this.meetingId, command.personId(), command.name(),
				command.organisation(), command.status(), command.items());
		if (!recorded.equals(this.attendance.get(command.personId().value()))) {
			MeetingPolicy.requireInSession(this.stage, this.meetingId);
			this.agenda.requireAll(command.items());
			AggregateLifecycle.apply(recorded, onMeetingDay());
		}
	}

	/**
	 * A person recorded by mistake is taken out; taking out one taken out before changes
	 * nothing, and one never recorded is refused, so that a misspelt id is noticed.
	 */
	@CommandHandler
	void handle(RemoveAttendance command) {
		String person = command.personId().value();
		if (!this.attendance.containsKey(person)) {
			RuleViolation.check(this.removedAttendance.contains(person), ErrorCode.UNKNOWN_ID,
					"'" + person + "' is not in the attendance of meeting '" + this.meetingId.value() + "'");
			return;
		}
		MeetingPolicy.requireInSession(this.stage, this.meetingId);
		AggregateLifecycle.apply(new AttendanceRemoved(this.meetingId, command.personId(), command.reason()),
				onMeetingDay());
	}

	@CommandHandler
	void handle(AppointMinutesAdjuster command) {
		MinutesAdjusterAppointed appointed = new MinutesAdjusterAppointed(this.meetingId, command.personId(),
				command.name());
		if (!appointed.equals(this.adjuster)) {
			MeetingPolicy.requireInSession(this.stage, this.meetingId);
			AggregateLifecycle.apply(appointed, onMeetingDay());
		}
	}

	@CommandHandler
	void handle(RecordDiscussion command) {
		Agenda.Item item = this.agenda.require(command.itemId());
		if (item.discussions.contains(command.summary())) {
			return;
		}
		MeetingPolicy.requireInSession(this.stage, this.meetingId);
		AggregateLifecycle.apply(
				new ItemDiscussed(this.meetingId, command.itemId(), item.matterId(), command.summary()),
				onMeetingDay());
	}

	/**
	 * The entries written down stay as recorded, so that a record imported again finds
	 * them and appends nothing; the revision replaces what the discussion reads.
	 */
	@CommandHandler
	void handle(ReviseDiscussion command) {
		Agenda.Item item = this.agenda.require(command.itemId());
		RuleViolation.check(!item.discussions.isEmpty(), ErrorCode.RULE_BROKEN,
				"nothing is written down about item '" + command.itemId().value() + "' to revise; record a discussion");
		if (item.discussion().equals(command.summary())) {
			return;
		}
		MeetingPolicy.requireInSession(this.stage, this.meetingId);
		AggregateLifecycle.apply(new DiscussionRevised(this.meetingId, command.itemId(), item.matterId(),
				command.summary(), command.reason()), onMeetingDay());
	}

	@CommandHandler
	void handle(AttachDocument command) {
		Agenda.Item item = this.agenda.require(command.itemId());
		if (item.attachments.contains(command.document()) || item.origin.documents().contains(command.document())) {
			return;
		}
		MeetingPolicy.requireRecordOpen(this.stage, this.meetingId);
		AggregateLifecycle.apply(new DocumentAttached(this.meetingId, command.itemId(), command.document()));
	}

	/**
	 * Taking off a document taken off before changes nothing, and one never on the item
	 * is refused, so that a mistyped address is noticed. Attached again as before, it
	 * stays off: a record imported again must not put it back.
	 */
	@CommandHandler
	void handle(RemoveDocument command) {
		Agenda.Item item = this.agenda.require(command.itemId());
		if (!item.holdsDocument(command.uri())) {
			RuleViolation.check(item.removedDocuments.contains(command.uri()), ErrorCode.UNKNOWN_ID,
					"item '" + command.itemId().value() + "' has no document at '" + command.uri() + "'");
			return;
		}
		MeetingPolicy.requireRecordOpen(this.stage, this.meetingId);
		AggregateLifecycle
			.apply(new DocumentRemoved(this.meetingId, command.itemId(), command.uri(), command.reason()));
	}

	@CommandHandler
	void handle(TakeDecision command, Matters matters) {
		Agenda.Item item = this.agenda.require(command.itemId());
		DecisionTaken decision = MeetingPolicy.decision(this.meetingId, command, item.matterId());
		DecisionTaken existing = this.decisions.get(command.decisionId().value());
		if (existing != null) {
			RuleViolation.check(existing.equals(decision), ErrorCode.DUPLICATE_ID,
					"decision '" + command.decisionId().value() + "' is already recorded with other content");
			return;
		}
		MeetingPolicy.requireInSession(this.stage, this.meetingId);
		if (decision.matterId() != null && item.matterId() == null) {
			matters.requireExists(decision.matterId());
		}
		AggregateLifecycle.apply(decision, onMeetingDay());
	}

	/**
	 * A decision's text is revised while the minutes are written; sending the text it
	 * already reads changes nothing. Adjusted minutes are corrected instead, with a
	 * reason.
	 */
	@CommandHandler
	void handle(ReviseDecision command) {
		DecisionTaken decision = this.decisions.get(command.decisionId().value());
		RuleViolation.check(decision != null && !this.withdrawnDecisions.contains(command.decisionId().value()),
				ErrorCode.UNKNOWN_ID, "decision '" + command.decisionId().value() + "' is not in these minutes");
		if (this.revisedTexts.getOrDefault(command.decisionId().value(), decision.text()).equals(command.text())) {
			return;
		}
		MeetingPolicy.requireInSession(this.stage, this.meetingId);
		AggregateLifecycle.apply(
				new DecisionRevised(this.meetingId, command.decisionId(), command.text(), command.reason()),
				onMeetingDay());
	}

	/**
	 * Taking back a decision taken back before changes nothing; one never recorded is
	 * refused. Sent again as it was taken, it stays taken back: a record imported again
	 * must not restore it.
	 */
	@CommandHandler
	void handle(WithdrawDecision command) {
		String id = command.decisionId().value();
		DecisionTaken decision = this.decisions.get(id);
		RuleViolation.check(decision != null, ErrorCode.UNKNOWN_ID, "decision '" + id + "' is not in these minutes");
		if (this.withdrawnDecisions.contains(id)) {
			return;
		}
		MeetingPolicy.requireInSession(this.stage, this.meetingId);
		AggregateLifecycle.apply(new DecisionWithdrawn(this.meetingId, command.decisionId(), decision.itemId(),
				decision.matterId(), command.reason()), onMeetingDay());
	}

	@CommandHandler
	void handle(DeferItem command, Bodies bodies, Meetings meetings) {
		Agenda.Item item = this.agenda.require(command.itemId());
		ItemDeferred deferred = new ItemDeferred(this.meetingId, command.itemId(), item.matterId(), command.toMeeting(),
				command.toBacklogOf(), command.reason());
		ItemDeferred existing = this.deferrals.get(command.itemId().value());
		if (this.withdrawnDeferrals.contains(deferred)) {
			return;
		}
		if (existing != null) {
			RuleViolation.check(existing.equals(deferred), ErrorCode.RULE_BROKEN, "item '" + command.itemId().value()
					+ "' is already deferred elsewhere; take that deferral back first");
			return;
		}
		MeetingPolicy.requireInSession(this.stage, this.meetingId);
		MeetingPolicy.requireDeferralTarget(command, this.meetingId, bodies, meetings);
		AggregateLifecycle.apply(deferred, onMeetingDay());
	}

	/**
	 * Taking back a deferral taken back before changes nothing; one never made is
	 * refused. Deferred again as before, the item stays where it is: a record imported
	 * again must not restore the deferral; a new one names another meeting, backlog or
	 * reason.
	 */
	@CommandHandler
	void handle(WithdrawDeferral command) {
		Agenda.Item item = this.agenda.require(command.itemId());
		if (!this.deferrals.containsKey(command.itemId().value())) {
			RuleViolation.check(
					this.withdrawnDeferrals.stream().anyMatch((deferral) -> deferral.itemId().equals(command.itemId())),
					ErrorCode.UNKNOWN_ID, "item '" + command.itemId().value() + "' is not deferred");
			return;
		}
		MeetingPolicy.requireInSession(this.stage, this.meetingId);
		AggregateLifecycle.apply(
				new DeferralWithdrawn(this.meetingId, command.itemId(), item.matterId(), command.reason()),
				onMeetingDay());
	}

	@CommandHandler
	void handle(CloseMeeting command) {
		if (this.stage == Stage.CLOSED || this.stage == Stage.ADJUSTED) {
			return;
		}
		MeetingPolicy.requireInSession(this.stage, this.meetingId);
		if (this.stage == Stage.OPENED) {
			AggregateLifecycle.apply(new MeetingClosed(this.meetingId), onMeetingDay());
		}
	}

	@CommandHandler
	void handle(AdjustMinutes command, @MetaDataValue(RecordMetadata.RECORDED_AT) String recordedAt) {
		if (this.stage == Stage.ADJUSTED) {
			return;
		}
		MeetingPolicy.requireNotCancelled(this.stage, this.meetingId);
		RuleViolation.check(this.stage == Stage.CLOSED, ErrorCode.MEETING_NOT_CLOSED,
				"the minutes can be adjusted once the meeting is closed");
		MeetingPolicy.requireAdjustableOn(command.adjustedOn(), this.time, RecordMetadata.recordedOn(recordedAt));
		AggregateLifecycle.apply(new MinutesAdjusted(this.meetingId, command.adjustedOn(), command.adjustedBy()),
				RecordMetadata.tookEffectOn(command.adjustedOn()));
	}

	@CommandHandler
	void handle(CorrectMinutes command) {
		RuleViolation.check(this.stage == Stage.ADJUSTED, ErrorCode.MINUTES_NOT_ADJUSTED,
				"only adjusted minutes are corrected; until then, record the change itself");
		if (this.corrections.contains(command.correctionId().value())) {
			return;
		}
		if (command.itemId() != null) {
			RuleViolation.check(this.agenda.find(command.itemId()) != null, ErrorCode.ITEM_NOT_ON_AGENDA,
					"item '" + command.itemId().value() + "' is not in these minutes");
		}
		if (command.decisionId() != null) {
			RuleViolation.check(
					this.decisions.containsKey(command.decisionId().value())
							&& !this.withdrawnDecisions.contains(command.decisionId().value()),
					ErrorCode.UNKNOWN_ID, "decision '" + command.decisionId().value() + "' is not in these minutes");
		}
		AggregateLifecycle.apply(new MinutesCorrected(this.meetingId, command.correctionId(), command.itemId(),
				command.decisionId(), command.what(), command.correction(), command.reason()));
	}

	/**
	 * What a decision, assignment or report back at this meeting under this item may rely
	 * on.
	 */
	MeetingFacts factsFor(AgendaItemId itemId) {
		MeetingPolicy.requireInSession(this.stage, this.meetingId);
		MeetingFacts facts = new MeetingFacts(this.meetingId, this.bodyId, this.time.date(), this.time.precision(),
				null);
		return (itemId != null) ? facts.withMatter(this.agenda.require(itemId).matterId()) : facts;
	}

	Meetings.Schedule schedule() {
		return new Meetings.Schedule(this.time, this.location, this.tentative, this.stage == Stage.SCHEDULED);
	}

	boolean isCancelled() {
		return this.stage == Stage.CANCELLED;
	}

	private org.axonframework.messaging.MetaData onMeetingDay() {
		return RecordMetadata.tookEffectOn(this.time.date(), this.time.precision());
	}

	@EventSourcingHandler
	void on(MeetingScheduled event) {
		this.stream = event.meetingId().toString();
		this.meetingId = event.meetingId();
		this.bodyId = event.bodyId();
		this.origin = event;
		this.time = event.time();
		this.location = event.location();
		this.tentative = event.tentative();
		this.stage = Stage.SCHEDULED;
	}

	@EventSourcingHandler
	void on(MeetingRescheduled event) {
		this.time = event.to();
		this.location = event.location();
		this.tentative = event.tentative();
	}

	@EventSourcingHandler
	void on(MeetingCancelled event) {
		this.stage = Stage.CANCELLED;
	}

	@EventSourcingHandler
	void on(AgendaItemAdded event) {
		this.agenda.add(event);
	}

	@EventSourcingHandler
	void on(AgendaItemRenamed event) {
		this.agenda.find(event.itemId()).renamedTo = event.title();
	}

	@EventSourcingHandler
	void on(AgendaItemWithdrawn event) {
		this.agenda.find(event.itemId()).withdrawn = true;
	}

	@EventSourcingHandler
	void on(AgendaReordered event) {
		this.agenda.reorder(event.order());
	}

	@EventSourcingHandler
	void on(AgendaAdopted event) {
		this.agendaAdopted = true;
	}

	@EventSourcingHandler
	void on(MeetingOpened event) {
		this.stage = Stage.OPENED;
	}

	@EventSourcingHandler
	void on(AttendanceRecorded event) {
		this.attendance.put(event.personId().value(), event);
		this.removedAttendance.remove(event.personId().value());
	}

	@EventSourcingHandler
	void on(AttendanceRemoved event) {
		this.attendance.remove(event.personId().value());
		this.removedAttendance.add(event.personId().value());
	}

	@EventSourcingHandler
	void on(MinutesAdjusterAppointed event) {
		this.adjuster = event;
	}

	@EventSourcingHandler
	void on(DecisionTaken event) {
		this.decisions.put(event.decisionId().value(), event);
		this.agenda.find(event.itemId()).decisions++;
	}

	@EventSourcingHandler
	void on(DecisionRevised event) {
		this.revisedTexts.put(event.decisionId().value(), event.text());
	}

	@EventSourcingHandler
	void on(DecisionWithdrawn event) {
		this.withdrawnDecisions.add(event.decisionId().value());
		this.agenda.find(event.itemId()).decisions--;
	}

	@EventSourcingHandler
	void on(ItemDiscussed event) {
		this.agenda.find(event.itemId()).discussed(event.summary());
	}

	@EventSourcingHandler
	void on(DiscussionRevised event) {
		this.agenda.find(event.itemId()).revisedDiscussion = event.summary();
	}

	@EventSourcingHandler
	void on(DocumentAttached event) {
		Agenda.Item item = this.agenda.find(event.itemId());
		item.attachments.add(event.document());
		// attached anew under another title: the address is on the item again
		item.removedDocuments.remove(event.document().uri());
	}

	@EventSourcingHandler
	void on(DocumentRemoved event) {
		this.agenda.find(event.itemId()).removedDocuments.add(event.uri());
	}

	@EventSourcingHandler
	void on(ItemDeferred event) {
		this.deferrals.put(event.itemId().value(), event);
		this.agenda.find(event.itemId()).deferred = true;
	}

	@EventSourcingHandler
	void on(DeferralWithdrawn event) {
		this.withdrawnDeferrals.add(this.deferrals.remove(event.itemId().value()));
		this.agenda.find(event.itemId()).deferred = false;
	}

	@EventSourcingHandler
	void on(MeetingClosed event) {
		this.stage = Stage.CLOSED;
	}

	@EventSourcingHandler
	void on(MinutesAdjusted event) {
		this.stage = Stage.ADJUSTED;
	}

	@EventSourcingHandler
	void on(MinutesCorrected event) {
		this.corrections.add(event.correctionId().value());
	}

}
