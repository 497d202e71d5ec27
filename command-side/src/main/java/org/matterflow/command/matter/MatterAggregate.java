package org.matterflow.command.matter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.matterflow.command.body.Bodies;
import org.matterflow.command.common.RuleViolation;
import org.matterflow.command.infrastructure.AggregateCacheConfiguration;
import org.matterflow.command.meeting.MeetingFacts;
import org.matterflow.command.meeting.Meetings;
import org.matterflow.kernel.ErrorCode;
import org.matterflow.kernel.Revision;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.matter.CloseMatter;
import org.matterflow.kernel.matter.DescribeMatter;
import org.matterflow.kernel.matter.MatterClosed;
import org.matterflow.kernel.matter.MatterDescribed;
import org.matterflow.kernel.matter.MatterId;
import org.matterflow.kernel.matter.MatterQueued;
import org.matterflow.kernel.matter.MatterRaised;
import org.matterflow.kernel.matter.MatterReferred;
import org.matterflow.kernel.matter.MatterRegistered;
import org.matterflow.kernel.matter.MatterRemovedFromBacklog;
import org.matterflow.kernel.matter.MatterRenamed;
import org.matterflow.kernel.matter.MatterReopened;
import org.matterflow.kernel.matter.QueueMatter;
import org.matterflow.kernel.matter.RaiseMatter;
import org.matterflow.kernel.matter.ReferMatter;
import org.matterflow.kernel.matter.ReferralWithdrawn;
import org.matterflow.kernel.matter.RegisterMatter;
import org.matterflow.kernel.matter.RemoveMatterFromBacklog;
import org.matterflow.kernel.matter.RenameMatter;
import org.matterflow.kernel.matter.ReopenMatter;
import org.matterflow.kernel.matter.WithdrawReferral;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A matter (ärende): a question raised in one body that travels to others for months. A
 * referral made at a meeting comes from that meeting's body (any body may take up a
 * question on its agenda); one recorded without a meeting starts from a body the matter
 * has been with.
 */
@Aggregate(commandTargetResolver = "commandTargetResolver", cache = AggregateCacheConfiguration.MATTERS)
@Revision("1")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
		isGetterVisibility = Visibility.NONE)
class MatterAggregate {

	/**
	 * The event stream, {@code <type>:<id>}; a plain string so that deadline scopes and
	 * snapshots name the aggregate exactly as the event store does.
	 */
	@AggregateIdentifier
	private String stream;

	private MatterId matterId;

	private MatterRaised origin;

	private String title;

	private String reference;

	private String description;

	private boolean closed;

	private List<MatterReferred> referrals = new ArrayList<>();

	/** The referrals taken back, so that sending one again does not make it anew. */
	private List<MatterReferred> withdrawnReferrals = new ArrayList<>();

	private List<MatterQueued> queued = new ArrayList<>();

	/** The bodies whose backlog the matter is on now. */
	private Set<String> onBacklog = new HashSet<>();

	MatterAggregate() {
	}

	@CommandHandler
	@CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
	void handle(RaiseMatter command, Bodies bodies) {
		MatterRaised raised = new MatterRaised(command.matterId(), command.bodyId(), command.title(),
				command.reference(), command.description());
		if (this.origin != null) {
			RuleViolation.check(this.origin.equals(raised), ErrorCode.DUPLICATE_ID,
					"a different matter with id '" + command.matterId().value() + "' is already raised");
			return;
		}
		bodies.requireActive(command.bodyId());
		apply(raised);
	}

	/**
	 * A closed matter can be renamed and described anew too: its title is how the record
	 * names it, whatever became of it.
	 */
	@CommandHandler
	void handle(RenameMatter command) {
		if (!command.title().equals(this.title)) {
			apply(new MatterRenamed(this.matterId, command.title(), command.reason()));
		}
	}

	@CommandHandler
	void handle(DescribeMatter command) {
		if (!command.description().equals(this.description)) {
			apply(new MatterDescribed(this.matterId, command.description(), command.reason()));
		}
	}

	/**
	 * A matter is registered in the diary when the registrar gets to it, often after a
	 * meeting has taken it up; a number recorded wrongly is replaced by registering the
	 * right one.
	 */
	@CommandHandler
	void handle(RegisterMatter command) {
		if (!command.reference().equals(this.reference)) {
			apply(new MatterRegistered(this.matterId, command.reference(), command.reason()));
		}
	}

	/**
	 * Sending the same matter from the same body to the same body at the same meeting
	 * twice is one referral. A referral recorded before the record kept the item it was
	 * made under (revision 1) is the same referral as one that names the item: a meeting
	 * record imported again sends its referrals with their items.
	 */
	@CommandHandler
	void handle(ReferMatter command, Bodies bodies, Meetings meetings) {
		MatterReferred referred = new MatterReferred(this.matterId, command.fromBody(), command.toBody(),
				command.purpose(), command.atMeeting(), command.itemId(), command.note());
		if (this.referrals.stream().anyMatch((earlier) -> isRepeated(earlier, referred))) {
			return;
		}
		requireOpen();
		RuleViolation.check(!command.fromBody().equals(command.toBody()), ErrorCode.RULE_BROKEN,
				"a matter is referred to another body, not to the one it is with");
		if (command.atMeeting() != null) {
			MeetingFacts meeting = meetings.requireInSession(command.atMeeting(), command.itemId());
			RuleViolation.check(meeting.bodyId().equals(command.fromBody()), ErrorCode.RULE_BROKEN,
					"a referral made at meeting '" + command.atMeeting().value() + "' comes from its body '"
							+ meeting.bodyId().value() + "', not from '" + command.fromBody().value() + "'");
		}
		else {
			RuleViolation.check(hasBeenWith(command.fromBody()), ErrorCode.RULE_BROKEN,
					"the matter has not been with body '" + command.fromBody().value()
							+ "', so it cannot be referred from there without naming the meeting that sent it");
		}
		bodies.requireActive(command.toBody());
		apply(referred);
	}

	private static boolean isRepeated(MatterReferred earlier, MatterReferred referred) {
		MatterReferred itsItemLeftOut = (earlier.itemId() == null) ? new MatterReferred(referred.matterId(),
				referred.fromBody(), referred.toBody(), referred.purpose(), referred.atMeeting(), null, referred.note())
				: referred;
		return earlier.equals(itsItemLeftOut);
	}

	/**
	 * The referral is taken back as it was recorded, with the body it came from and its
	 * item; the last one standing, should the same meeting have sent the matter there
	 * twice. Taking back one taken back before changes nothing, and one never recorded is
	 * refused, so that a misspelt body is noticed. A referral made at a meeting is part
	 * of its minutes: once they are adjusted, a correction says it instead.
	 */
	@CommandHandler
	void handle(WithdrawReferral command, Meetings meetings) {
		MatterReferred standing = null;
		for (MatterReferred referral : this.referrals) {
			if (isTheOneNamed(referral, command) && !this.withdrawnReferrals.contains(referral)) {
				standing = referral;
			}
		}
		if (standing == null) {
			RuleViolation.check(
					this.withdrawnReferrals.stream().anyMatch((referral) -> isTheOneNamed(referral, command)),
					ErrorCode.UNKNOWN_ID,
					"matter '" + this.matterId.value() + "' has no referral to body '" + command.toBody().value() + "' "
							+ ((command.atMeeting() != null) ? "made at meeting '" + command.atMeeting().value() + "'"
									: "recorded without a meeting")
							+ " to withdraw");
			return;
		}
		if (command.atMeeting() != null) {
			meetings.requireInSession(command.atMeeting(), null);
		}
		apply(new ReferralWithdrawn(this.matterId, standing.fromBody(), standing.toBody(), standing.atMeeting(),
				standing.itemId(), command.reason()));
	}

	private static boolean isTheOneNamed(MatterReferred referral, WithdrawReferral command) {
		return referral.toBody().equals(command.toBody()) && Objects.equals(referral.atMeeting(), command.atMeeting());
	}

	@CommandHandler
	void handle(QueueMatter command, Bodies bodies) {
		MatterQueued queued = new MatterQueued(this.matterId, command.bodyId(), command.priority(), command.note());
		if (this.queued.contains(queued)) {
			return;
		}
		requireOpen();
		bodies.requireActive(command.bodyId());
		apply(queued);
	}

	/**
	 * Taking a matter off a backlog it was taken off before changes nothing; off one it
	 * was never on is refused. Queued there again as before, it stays off: a record
	 * imported again must not put back what was taken off, so a new queueing names
	 * another priority or note.
	 */
	@CommandHandler
	void handle(RemoveMatterFromBacklog command) {
		String body = command.bodyId().value();
		if (!this.onBacklog.contains(body)) {
			RuleViolation.check(this.queued.stream().anyMatch((entry) -> entry.bodyId().equals(command.bodyId())),
					ErrorCode.UNKNOWN_ID,
					"matter '" + this.matterId.value() + "' is not on the backlog of body '" + body + "'");
			return;
		}
		apply(new MatterRemovedFromBacklog(this.matterId, command.bodyId(), command.reason()));
	}

	@CommandHandler
	void handle(CloseMatter command) {
		if (!this.closed) {
			apply(new MatterClosed(this.matterId, command.outcome()));
		}
	}

	@CommandHandler
	void handle(ReopenMatter command) {
		RuleViolation.check(this.closed, ErrorCode.MATTER_OPEN, "matter '" + this.matterId.value() + "' is open");
		apply(new MatterReopened(this.matterId, command.reason()));
	}

	/**
	 * The bodies the matter has been with: where it was raised, every backlog it was
	 * queued on, and every body it was referred to but for referrals taken back, which
	 * were mistakes.
	 */
	private boolean hasBeenWith(BodyId body) {
		return this.origin.bodyId().equals(body)
				|| this.queued.stream().anyMatch((entry) -> entry.bodyId().equals(body))
				|| this.referrals.stream()
					.anyMatch((referral) -> referral.toBody().equals(body)
							&& !this.withdrawnReferrals.contains(referral));
	}

	private void requireOpen() {
		RuleViolation.check(!this.closed, ErrorCode.MATTER_CLOSED,
				"matter '" + this.matterId.value() + "' is closed; reopen it first");
	}

	@EventSourcingHandler
	void on(MatterRaised event) {
		this.stream = event.matterId().toString();
		this.matterId = event.matterId();
		this.origin = event;
		this.title = event.title();
		this.reference = event.reference();
		this.description = event.description();
	}

	@EventSourcingHandler
	void on(MatterRenamed event) {
		this.title = event.title();
	}

	@EventSourcingHandler
	void on(MatterDescribed event) {
		this.description = event.description();
	}

	@EventSourcingHandler
	void on(MatterRegistered event) {
		this.reference = event.reference();
	}

	@EventSourcingHandler
	void on(MatterReferred event) {
		this.referrals.add(event);
	}

	@EventSourcingHandler
	void on(ReferralWithdrawn event) {
		this.referrals.stream()
			.filter((referral) -> referral.fromBody().equals(event.fromBody())
					&& referral.toBody().equals(event.toBody())
					&& Objects.equals(referral.atMeeting(), event.atMeeting())
					&& Objects.equals(referral.itemId(), event.itemId()) && !this.withdrawnReferrals.contains(referral))
			.reduce((first, last) -> last)
			.ifPresent(this.withdrawnReferrals::add);
	}

	@EventSourcingHandler
	void on(MatterQueued event) {
		this.queued.add(event);
		this.onBacklog.add(event.bodyId().value());
	}

	@EventSourcingHandler
	void on(MatterRemovedFromBacklog event) {
		this.onBacklog.remove(event.bodyId().value());
	}

	@EventSourcingHandler
	void on(MatterClosed event) {
		this.closed = true;
	}

	@EventSourcingHandler
	void on(MatterReopened event) {
		this.closed = false;
	}

}
