package org.matterflow.command.body;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.matterflow.command.common.RecordMetadata;
import org.matterflow.command.common.RuleViolation;
import org.matterflow.command.infrastructure.AggregateCacheConfiguration;
import org.matterflow.kernel.ErrorCode;
import org.matterflow.kernel.InvalidValue;
import org.matterflow.kernel.Revision;
import org.matterflow.kernel.body.AppointMember;
import org.matterflow.kernel.body.BodyDissolved;
import org.matterflow.kernel.body.BodyEstablished;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.body.BodyRenamed;
import org.matterflow.kernel.body.DissolveBody;
import org.matterflow.kernel.body.ElectOfficer;
import org.matterflow.kernel.body.EndMembership;
import org.matterflow.kernel.body.EstablishBody;
import org.matterflow.kernel.body.MemberAppointed;
import org.matterflow.kernel.body.MembershipEnded;
import org.matterflow.kernel.body.OfficerElected;
import org.matterflow.kernel.body.RenameBody;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A body of the collaboration structure and who sits in it. Memberships are kept as
 * periods, never overwritten, so the record can tell who was chair on any given date.
 */
@Aggregate(commandTargetResolver = "commandTargetResolver", cache = AggregateCacheConfiguration.BODIES)
@Revision("1")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
		isGetterVisibility = Visibility.NONE)
class BodyAggregate {

	/**
	 * The event stream, {@code <type>:<id>}; a plain string so that deadline scopes and
	 * snapshots name the aggregate exactly as the event store does.
	 */
	@AggregateIdentifier
	private String stream;

	private BodyId bodyId;

	private BodyEstablished origin;

	private String name;

	/** The day the body was dissolved, the last of its life; none while it meets. */
	private LocalDate dissolvedOn;

	private Map<String, MemberAppointed> memberships = new HashMap<>();

	private Set<String> endedMemberships = new HashSet<>();

	private Set<OfficerElected> elections = new HashSet<>();

	BodyAggregate() {
	}

	@CommandHandler
	@CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
	void handle(EstablishBody command, Bodies bodies) {
		BodyEstablished established = new BodyEstablished(command.bodyId(), command.name(), command.kind(),
				command.parentBody(), command.mission(), command.establishedOn());
		if (this.origin != null) {
			RuleViolation.check(this.origin.equals(established), ErrorCode.DUPLICATE_ID,
					"a different body with id '" + command.bodyId().value() + "' is already established");
			return;
		}
		if (command.parentBody() != null) {
			if (command.parentBody().equals(command.bodyId())) {
				throw new InvalidValue("parentBody", "a body cannot be its own parent");
			}
			// the structure's tree holds only bodies it knows: a parent misspelt would
			// leave the body hanging under a name no query can follow
			bodies.requireEstablished(command.parentBody());
		}
		apply(established);
	}

	@CommandHandler
	void handle(RenameBody command) {
		requireActive();
		if (command.name().equals(this.name)) {
			return;
		}
		apply(new BodyRenamed(this.bodyId, command.name(), command.reason()));
	}

	/**
	 * A dissolution is recorded once it has taken effect, as a meeting is opened on its
	 * day or later: a body dissolved ahead would refuse meetings and members while it
	 * still meets. The decision to dissolve it is recorded at the meeting that takes it.
	 */
	@CommandHandler
	void handle(DissolveBody command, @MetaDataValue(RecordMetadata.RECORDED_AT) String recordedAt) {
		if (this.dissolvedOn != null) {
			return;
		}
		requireEstablishedBy(command.dissolvedOn(), "be dissolved on");
		LocalDate today = RecordMetadata.recordedOn(recordedAt);
		RuleViolation.check(!command.dissolvedOn().isAfter(today), ErrorCode.RULE_BROKEN,
				"body '" + this.bodyId.value() + "' cannot be recorded as dissolved on " + command.dissolvedOn()
						+ ", a day that has not come (today is " + today
						+ "); until then it still meets, so record the dissolution on that day or later");
		apply(new BodyDissolved(this.bodyId, command.dissolvedOn(), command.reason()));
	}

	@CommandHandler
	void handle(AppointMember command) {
		requireActive();
		MemberAppointed appointed = new MemberAppointed(this.bodyId, command.membershipId(), command.personId(),
				command.name(), command.organisation(), command.title(), command.role(), command.from());
		MemberAppointed existing = this.memberships.get(command.membershipId().value());
		if (existing != null) {
			RuleViolation.check(existing.equals(appointed), ErrorCode.DUPLICATE_ID,
					"membership '" + command.membershipId().value() + "' is already recorded for someone else");
			return;
		}
		requireEstablishedBy(command.from(), "take a member from");
		apply(appointed);
	}

	@CommandHandler
	void handle(EndMembership command) {
		MemberAppointed membership = this.memberships.get(command.membershipId().value());
		if (membership == null) {
			throw new RuleViolation(ErrorCode.UNKNOWN_ID, "there is no membership '" + command.membershipId().value()
					+ "' in body '" + this.bodyId.value() + "'");
		}
		if (this.endedMemberships.contains(command.membershipId().value())) {
			return;
		}
		RuleViolation.check(!command.to().isBefore(membership.from()), ErrorCode.RULE_BROKEN,
				"a membership cannot end (" + command.to() + ") before it began (" + membership.from() + ")");
		// a later day would say the person sat in a body that no longer existed
		RuleViolation.check(this.dissolvedOn == null || !command.to().isAfter(this.dissolvedOn),
				ErrorCode.BODY_DISSOLVED,
				"body '" + this.bodyId.value() + "' was dissolved on " + this.dissolvedOn
						+ " and its memberships ended with it; a membership ends on that day at the latest, not on "
						+ command.to());
		apply(new MembershipEnded(this.bodyId, command.membershipId(), command.to(), command.reason()));
	}

	@CommandHandler
	void handle(ElectOfficer command) {
		requireActive();
		RuleViolation.check(command.role().isOfficer(), ErrorCode.RULE_BROKEN,
				"only a chair, vice chair or secretary is elected; " + command.role() + " is appointed as a member");
		OfficerElected elected = new OfficerElected(this.bodyId, command.personId(), command.name(), command.role(),
				command.from(), command.atMeeting());
		if (this.elections.contains(elected)) {
			return;
		}
		requireEstablishedBy(command.from(), "elect an officer from");
		apply(elected);
	}

	/** Other aggregates may only refer to a body that still meets. */
	void requireActive() {
		RuleViolation.check(this.dissolvedOn == null, ErrorCode.BODY_DISSOLVED,
				"body '" + this.bodyId.value() + "' is dissolved");
	}

	/**
	 * A meeting is held by a body that exists on its day: established by then, and not
	 * yet dissolved. A dissolved body's meetings up to its last day can still be entered
	 * from old minutes, or moved to the day they were held.
	 */
	void requireMeetsOn(LocalDate day) {
		requireEstablishedBy(day, "meet on");
		RuleViolation.check(this.dissolvedOn == null || !day.isAfter(this.dissolvedOn), ErrorCode.BODY_DISSOLVED,
				"body '" + this.bodyId.value() + "' was dissolved on " + this.dissolvedOn + " and cannot meet on "
						+ day);
	}

	/**
	 * Nothing of a body is dated before its establishment day, when that day is known;
	 * bodies recorded from old minutes often have none.
	 */
	private void requireEstablishedBy(LocalDate day, String doing) {
		LocalDate established = this.origin.establishedOn();
		RuleViolation.check(established == null || !day.isBefore(established), ErrorCode.RULE_BROKEN,
				"body '" + this.bodyId.value() + "' cannot " + doing + " " + day + ", before it was established on "
						+ established);
	}

	@EventSourcingHandler
	void on(BodyEstablished event) {
		this.stream = event.bodyId().toString();
		this.bodyId = event.bodyId();
		this.origin = event;
		this.name = event.name();
	}

	@EventSourcingHandler
	void on(BodyRenamed event) {
		this.name = event.name();
	}

	@EventSourcingHandler
	void on(BodyDissolved event) {
		this.dissolvedOn = event.dissolvedOn();
	}

	@EventSourcingHandler
	void on(MemberAppointed event) {
		this.memberships.put(event.membershipId().value(), event);
	}

	@EventSourcingHandler
	void on(MembershipEnded event) {
		this.endedMemberships.add(event.membershipId().value());
	}

	@EventSourcingHandler
	void on(OfficerElected event) {
		this.elections.add(event);
	}

}
