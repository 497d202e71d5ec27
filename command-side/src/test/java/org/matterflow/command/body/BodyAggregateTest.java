package org.matterflow.command.body;

import java.time.LocalDate;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.matterflow.command.common.RecordMetadata;
import org.matterflow.command.common.UnknownReference;
import org.matterflow.command.infrastructure.FirstComponentTargetResolver;
import org.matterflow.command.testing.KnownRecord;
import org.matterflow.kernel.ErrorCode;
import org.matterflow.kernel.InvalidValue;
import org.matterflow.kernel.PersonId;
import org.matterflow.kernel.body.*;
import org.matterflow.kernel.meeting.MeetingTime;

import static org.matterflow.command.testing.Refusal.refusedWith;

class BodyAggregateTest {

	private static final BodyId COUNCIL = BodyId.of("samverkansradet-folkhalsa");

	private static final BodyEstablished ESTABLISHED = new BodyEstablished(COUNCIL,
			"Specifika samverkansrådet för folkhälsa", BodyKind.COUNCIL, null, null, null);

	private static final MembershipId MEMBERSHIP = MembershipId.of("m-1");

	private static final MemberAppointed APPOINTED = new MemberAppointed(COUNCIL, MEMBERSHIP, PersonId.of("anna"),
			"Anna Andersson", "Lekebergs kommun", null, Role.MEMBER, LocalDate.of(2023, 1, 1));

	private static final BodyId MANAGEMENT = BodyId.of("chefsgrupp-folkhalsa");

	private static final BodyId DISSOLVED = BodyId.of("arbetsgrupp-2019");

	private FixtureConfiguration<BodyAggregate> fixture;

	@BeforeEach
	void setUp() {
		this.fixture = new AggregateTestFixture<>(BodyAggregate.class)
			.registerCommandTargetResolver(new FirstComponentTargetResolver())
			.registerInjectableResource(new KnownRecord().body(MANAGEMENT).dissolvedBody(DISSOLVED));
	}

	@Test
	void a_body_is_established_under_a_parent_the_record_knows_dissolved_or_not() {
		BodyId group = BodyId.of("samverkansgrupp-barn-unga");
		this.fixture.givenNoPriorActivity()
			.when(new EstablishBody(group, "Samverkansgrupp barn och unga", BodyKind.WORKING_GROUP, MANAGEMENT, null,
					null))
			.expectEvents(new BodyEstablished(group, "Samverkansgrupp barn och unga", BodyKind.WORKING_GROUP,
					MANAGEMENT, null, null));
		this.fixture.givenNoPriorActivity()
			.when(new EstablishBody(group, "Samverkansgrupp barn och unga", BodyKind.WORKING_GROUP, DISSOLVED, null,
					null))
			.expectSuccessfulHandlerExecution();
	}

	@Test
	void a_body_under_a_parent_that_was_never_established_is_refused() {
		this.fixture.givenNoPriorActivity()
			.when(new EstablishBody(BodyId.of("samverkansgrupp-barn-unga"), "Samverkansgrupp barn och unga",
					BodyKind.WORKING_GROUP, BodyId.of("chefsgrup-folkhalsa"), null, null))
			.expectException(UnknownReference.class)
			.expectExceptionMessage("there is no body with id 'chefsgrup-folkhalsa'")
			.expectNoEvents();
	}

	@Test
	void a_body_cannot_be_its_own_parent() {
		this.fixture.givenNoPriorActivity()
			.when(new EstablishBody(COUNCIL, "Specifika samverkansrådet för folkhälsa", BodyKind.COUNCIL, COUNCIL, null,
					null))
			.expectException(InvalidValue.class)
			.expectNoEvents();
	}

	@Test
	void a_body_is_established() {
		this.fixture.givenNoPriorActivity()
			.when(new EstablishBody(COUNCIL, "Specifika samverkansrådet för folkhälsa", BodyKind.COUNCIL, null, null,
					null))
			.expectEvents(ESTABLISHED);
	}

	@Test
	void establishing_the_same_body_twice_changes_nothing() {
		this.fixture.given(ESTABLISHED)
			.when(new EstablishBody(COUNCIL, "Specifika samverkansrådet för folkhälsa", BodyKind.COUNCIL, null, null,
					null))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void another_body_under_a_taken_id_is_refused() {
		this.fixture.given(ESTABLISHED)
			.when(new EstablishBody(COUNCIL, "Chefsgrupp folkhälsa", BodyKind.MANAGEMENT_GROUP, null, null, null))
			.expectException(refusedWith(ErrorCode.DUPLICATE_ID))
			.expectNoEvents();
	}

	@Test
	void a_member_is_appointed_in_a_role_from_a_date() {
		this.fixture.given(ESTABLISHED)
			.when(new AppointMember(COUNCIL, MEMBERSHIP, PersonId.of("anna"), "Anna Andersson", "Lekebergs kommun",
					null, Role.MEMBER, LocalDate.of(2023, 1, 1)))
			.expectEvents(APPOINTED);
	}

	@Test
	void a_body_is_not_dissolved_before_it_was_established() {
		this.fixture
			.given(new BodyEstablished(COUNCIL, "Specifika samverkansrådet för folkhälsa", BodyKind.COUNCIL, null, null,
					LocalDate.of(2019, 1, 1)))
			.when(new DissolveBody(COUNCIL, LocalDate.of(2018, 12, 31), "skrivfel"))
			.expectException(refusedWith(ErrorCode.RULE_BROKEN))
			.expectExceptionMessage(org.hamcrest.Matchers.containsString("before it was established on 2019-01-01"))
			.expectNoEvents();
	}

	@Test
	void a_body_is_dissolved_today() {
		LocalDate today = LocalDate.now(MeetingTime.ZONE);
		this.fixture.given(ESTABLISHED)
			.when(new DissolveBody(COUNCIL, today, "uppdraget slutfört"))
			.expectEvents(new BodyDissolved(COUNCIL, today, "uppdraget slutfört"));
	}

	@Test
	void a_dissolution_is_not_recorded_before_its_day() {
		LocalDate tomorrow = LocalDate.now(MeetingTime.ZONE).plusDays(1);
		this.fixture.given(ESTABLISHED)
			.when(new DissolveBody(COUNCIL, tomorrow, "beslut om avveckling"))
			.expectException(refusedWith(ErrorCode.RULE_BROKEN))
			.expectExceptionMessage(org.hamcrest.Matchers.containsString("a day that has not come"))
			.expectNoEvents();
	}

	@Test
	void the_day_of_a_dissolution_is_the_day_it_was_recorded_in_stockholm() {
		// half past midnight in Stockholm on 1 January is still 31 December in UTC
		this.fixture.given(ESTABLISHED)
			.when(new DissolveBody(COUNCIL, LocalDate.of(2026, 1, 1), null),
					java.util.Map.of(RecordMetadata.RECORDED_AT, "2025-12-31T23:30:00Z"))
			.expectEvents(new BodyDissolved(COUNCIL, LocalDate.of(2026, 1, 1), null));
	}

	@Test
	void a_member_is_not_appointed_from_before_the_body_was_established() {
		this.fixture
			.given(new BodyEstablished(COUNCIL, "Specifika samverkansrådet för folkhälsa", BodyKind.COUNCIL, null, null,
					LocalDate.of(2023, 3, 1)))
			.when(new AppointMember(COUNCIL, MEMBERSHIP, PersonId.of("anna"), "Anna Andersson", "Lekebergs kommun",
					null, Role.MEMBER, LocalDate.of(2023, 1, 1)))
			.expectException(refusedWith(ErrorCode.RULE_BROKEN))
			.expectExceptionMessage(org.hamcrest.Matchers
				.containsString("cannot take a member from 2023-01-01, before it was established on 2023-03-01"))
			.expectNoEvents();
	}

	@Test
	void a_member_is_appointed_from_the_establishment_day() {
		BodyEstablished established = new BodyEstablished(COUNCIL, "Specifika samverkansrådet för folkhälsa",
				BodyKind.COUNCIL, null, null, LocalDate.of(2023, 1, 1));
		this.fixture.given(established)
			.when(new AppointMember(COUNCIL, MEMBERSHIP, PersonId.of("anna"), "Anna Andersson", "Lekebergs kommun",
					null, Role.MEMBER, LocalDate.of(2023, 1, 1)))
			.expectEvents(APPOINTED);
	}

	@Test
	void an_officer_is_not_elected_from_before_the_body_was_established() {
		this.fixture
			.given(new BodyEstablished(COUNCIL, "Specifika samverkansrådet för folkhälsa", BodyKind.COUNCIL, null, null,
					LocalDate.of(2024, 10, 1)))
			.when(new ElectOfficer(COUNCIL, PersonId.of("anna"), "Anna Andersson", Role.VICE_CHAIR,
					LocalDate.of(2024, 9, 13), null))
			.expectException(refusedWith(ErrorCode.RULE_BROKEN))
			.expectNoEvents();
	}

	@Test
	void a_body_established_on_no_recorded_day_is_dissolved_on_any() {
		this.fixture.given(ESTABLISHED)
			.when(new DissolveBody(COUNCIL, LocalDate.of(2018, 12, 31), "uppdraget slutfört"))
			.expectEvents(new BodyDissolved(COUNCIL, LocalDate.of(2018, 12, 31), "uppdraget slutfört"));
	}

	@Test
	void a_dissolved_body_takes_no_new_members() {
		this.fixture.given(ESTABLISHED, new BodyDissolved(COUNCIL, LocalDate.of(2024, 12, 31), null))
			.when(new AppointMember(COUNCIL, MEMBERSHIP, PersonId.of("anna"), "Anna Andersson", null, null, Role.MEMBER,
					LocalDate.of(2025, 1, 1)))
			.expectException(refusedWith(ErrorCode.BODY_DISSOLVED))
			.expectNoEvents();
	}

	@Test
	void a_membership_id_taken_by_someone_else_is_refused() {
		this.fixture.given(ESTABLISHED, APPOINTED)
			.when(new AppointMember(COUNCIL, MEMBERSHIP, PersonId.of("ingmar"), "Ingmar Ångman", null, null, Role.CHAIR,
					LocalDate.of(2023, 1, 1)))
			.expectException(refusedWith(ErrorCode.DUPLICATE_ID))
			.expectNoEvents();
	}

	@Test
	void a_membership_ends_on_a_date_and_stays_in_the_record() {
		this.fixture.given(ESTABLISHED, APPOINTED)
			.when(new EndMembership(COUNCIL, MEMBERSHIP, LocalDate.of(2024, 12, 31), "ny mandatperiod"))
			.expectEvents(new MembershipEnded(COUNCIL, MEMBERSHIP, LocalDate.of(2024, 12, 31), "ny mandatperiod"));
	}

	@Test
	void a_membership_cannot_end_before_it_began() {
		this.fixture.given(ESTABLISHED, APPOINTED)
			.when(new EndMembership(COUNCIL, MEMBERSHIP, LocalDate.of(2022, 12, 31), null))
			.expectException(refusedWith(ErrorCode.RULE_BROKEN))
			.expectNoEvents();
	}

	@Test
	void a_membership_does_not_end_after_its_body_was_dissolved() {
		this.fixture.given(ESTABLISHED, APPOINTED, new BodyDissolved(COUNCIL, LocalDate.of(2024, 12, 31), null))
			.when(new EndMembership(COUNCIL, MEMBERSHIP, LocalDate.of(2025, 1, 31), "avgick"))
			.expectException(refusedWith(ErrorCode.BODY_DISSOLVED))
			.expectNoEvents();
	}

	@Test
	void a_membership_of_a_dissolved_body_ends_on_the_day_of_the_dissolution() {
		this.fixture.given(ESTABLISHED, APPOINTED, new BodyDissolved(COUNCIL, LocalDate.of(2024, 12, 31), null))
			.when(new EndMembership(COUNCIL, MEMBERSHIP, LocalDate.of(2024, 12, 31), "rådet avvecklades"))
			.expectEvents(new MembershipEnded(COUNCIL, MEMBERSHIP, LocalDate.of(2024, 12, 31), "rådet avvecklades"));
	}

	@Test
	void ending_an_unknown_membership_is_refused() {
		this.fixture.given(ESTABLISHED)
			.when(new EndMembership(COUNCIL, MEMBERSHIP, LocalDate.of(2024, 12, 31), null))
			.expectException(refusedWith(ErrorCode.UNKNOWN_ID))
			.expectNoEvents();
	}

	@Test
	void a_vice_chair_is_elected_at_a_meeting() {
		OfficerElected elected = new OfficerElected(COUNCIL, PersonId.of("anna"), "Anna Andersson", Role.VICE_CHAIR,
				LocalDate.of(2024, 9, 13), null);
		this.fixture.given(ESTABLISHED, APPOINTED)
			.when(new ElectOfficer(COUNCIL, PersonId.of("anna"), "Anna Andersson", Role.VICE_CHAIR,
					LocalDate.of(2024, 9, 13), null))
			.expectEvents(elected);
	}

	@Test
	void only_a_chair_vice_chair_or_secretary_is_elected() {
		this.fixture.given(ESTABLISHED)
			.when(new ElectOfficer(COUNCIL, PersonId.of("anna"), "Anna Andersson", Role.DEPUTY,
					LocalDate.of(2024, 9, 13), null))
			.expectException(refusedWith(ErrorCode.RULE_BROKEN))
			.expectNoEvents();
	}

	@Test
	void renaming_a_body_to_its_own_name_changes_nothing() {
		this.fixture.given(ESTABLISHED)
			.when(new RenameBody(COUNCIL, "Specifika samverkansrådet för folkhälsa", null))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void a_dissolved_body_is_not_renamed() {
		this.fixture.given(ESTABLISHED, new BodyDissolved(COUNCIL, LocalDate.of(2024, 12, 31), null))
			.when(new RenameBody(COUNCIL, "Nytt namn", null))
			.expectException(refusedWith(ErrorCode.BODY_DISSOLVED))
			.expectNoEvents();
	}

}
