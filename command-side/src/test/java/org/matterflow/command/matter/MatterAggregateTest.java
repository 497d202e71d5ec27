package org.matterflow.command.matter;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.matterflow.command.common.UnknownReference;
import org.matterflow.command.infrastructure.FirstComponentTargetResolver;
import org.matterflow.command.testing.KnownRecord;
import org.matterflow.kernel.ErrorCode;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.matter.*;
import org.matterflow.kernel.meeting.AgendaItemId;
import org.matterflow.kernel.meeting.MeetingId;

import static org.matterflow.command.testing.Refusal.refusedWith;

class MatterAggregateTest {

	private static final MatterId STRATEGY = MatterId.of("foraldraskapsstodsstrategin");

	private static final BodyId MANAGEMENT = BodyId.of("chefsgrupp-folkhalsa");

	private static final BodyId SOUTH = BodyId.of("lansdelsgrupp-soder");

	private static final BodyId JOINT = BodyId.of("gemensam-chefsgrupp");

	private static final MeetingId JANUARY = MeetingId.of("chefsgrupp-2025-01-22");

	private static final MatterRaised RAISED = new MatterRaised(STRATEGY, MANAGEMENT, "Föräldraskapsstödsstrategin",
			null, null);

	private FixtureConfiguration<MatterAggregate> fixture;

	private KnownRecord record;

	@BeforeEach
	void setUp() {
		this.record = new KnownRecord().body(MANAGEMENT)
			.body(SOUTH)
			.body(JOINT)
			.meetingInSession(JANUARY, MANAGEMENT, java.time.LocalDate.of(2025, 1, 22), null);
		this.fixture = new AggregateTestFixture<>(MatterAggregate.class)
			.registerCommandTargetResolver(new FirstComponentTargetResolver())
			.registerInjectableResource(this.record);
	}

	@Test
	void a_matter_is_raised_in_a_body() {
		this.fixture.givenNoPriorActivity()
			.when(new RaiseMatter(STRATEGY, MANAGEMENT, "Föräldraskapsstödsstrategin", null, null))
			.expectEvents(RAISED);
	}

	@Test
	void a_matter_raised_in_an_unknown_body_is_refused() {
		this.fixture.givenNoPriorActivity()
			.when(new RaiseMatter(STRATEGY, BodyId.of("okand"), "Föräldraskapsstödsstrategin", null, null))
			.expectException(UnknownReference.class)
			.expectNoEvents();
	}

	@Test
	void raising_the_same_matter_twice_changes_nothing() {
		this.fixture.given(RAISED)
			.when(new RaiseMatter(STRATEGY, MANAGEMENT, "Föräldraskapsstödsstrategin", null, null))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void a_matter_is_referred_from_the_body_it_is_with_to_another() {
		this.fixture.given(RAISED)
			.when(new ReferMatter(STRATEGY, MANAGEMENT, SOUTH, ReferralPurpose.FOR_ANCHORING, JANUARY, null,
					"skickas till länsdelsgrupperna"))
			.expectEvents(new MatterReferred(STRATEGY, MANAGEMENT, SOUTH, ReferralPurpose.FOR_ANCHORING, JANUARY, null,
					"skickas till länsdelsgrupperna"));
	}

	@Test
	void a_referral_made_under_an_item_of_a_meeting_records_the_item() {
		AgendaItemId item = AgendaItemId.of("12");
		this.fixture.given(RAISED)
			.when(new ReferMatter(STRATEGY, MANAGEMENT, SOUTH, ReferralPurpose.FOR_ANCHORING, JANUARY, item,
					"F-stödsstrategin"))
			.expectEvents(new MatterReferred(STRATEGY, MANAGEMENT, SOUTH, ReferralPurpose.FOR_ANCHORING, JANUARY, item,
					"F-stödsstrategin"));
	}

	@Test
	void a_referral_recorded_without_its_item_is_not_recorded_again_when_sent_with_it() {
		this.fixture
			.given(RAISED,
					new MatterReferred(STRATEGY, MANAGEMENT, SOUTH, ReferralPurpose.FOR_ANCHORING, JANUARY, null,
							"F-stödsstrategin"))
			.when(new ReferMatter(STRATEGY, MANAGEMENT, SOUTH, ReferralPurpose.FOR_ANCHORING, JANUARY,
					AgendaItemId.of("12"), "F-stödsstrategin"))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void a_matter_is_not_referred_from_a_body_it_has_not_been_with() {
		this.fixture.given(RAISED)
			.when(new ReferMatter(STRATEGY, JOINT, SOUTH, ReferralPurpose.FOR_INFORMATION, null, null, null))
			.expectException(refusedWith(ErrorCode.RULE_BROKEN))
			.expectNoEvents();
	}

	@Test
	void a_body_that_takes_up_a_matter_at_its_meeting_refers_it_onwards() {
		MeetingId jointMeeting = MeetingId.of("gemensam-2025-02-07");
		this.record.meetingInSession(jointMeeting, JOINT, java.time.LocalDate.of(2025, 2, 7), null);
		this.fixture.given(RAISED)
			.when(new ReferMatter(STRATEGY, JOINT, SOUTH, ReferralPurpose.FOR_ANCHORING, jointMeeting, null, null))
			.expectEvents(new MatterReferred(STRATEGY, JOINT, SOUTH, ReferralPurpose.FOR_ANCHORING, jointMeeting, null,
					null));
	}

	@Test
	void a_referral_made_at_a_meeting_comes_from_that_meetings_body() {
		this.fixture.given(RAISED)
			.when(new ReferMatter(STRATEGY, JOINT, SOUTH, ReferralPurpose.FOR_ANCHORING, JANUARY, null, null))
			.expectException(refusedWith(ErrorCode.RULE_BROKEN))
			.expectNoEvents();
	}

	@Test
	void a_matter_is_not_referred_to_the_body_it_comes_from() {
		this.fixture.given(RAISED)
			.when(new ReferMatter(STRATEGY, MANAGEMENT, MANAGEMENT, ReferralPurpose.FOR_DECISION, null, null, null))
			.expectException(refusedWith(ErrorCode.RULE_BROKEN))
			.expectNoEvents();
	}

	@Test
	void a_referral_to_a_dissolved_body_is_refused() {
		BodyId dissolved = BodyId.of("arbetsgrupp-2020");
		this.record.dissolvedBody(dissolved);
		this.fixture.given(RAISED)
			.when(new ReferMatter(STRATEGY, MANAGEMENT, dissolved, ReferralPurpose.FOR_PREPARATION, null, null, null))
			.expectException(refusedWith(ErrorCode.BODY_DISSOLVED))
			.expectNoEvents();
	}

	@Test
	void a_matter_referred_on_can_be_referred_from_where_it_went() {
		this.fixture
			.given(RAISED,
					new MatterReferred(STRATEGY, MANAGEMENT, JOINT, ReferralPurpose.FOR_ANCHORING, null, null, null))
			.when(new ReferMatter(STRATEGY, JOINT, SOUTH, ReferralPurpose.FOR_INFORMATION, null, null, null))
			.expectEvents(
					new MatterReferred(STRATEGY, JOINT, SOUTH, ReferralPurpose.FOR_INFORMATION, null, null, null));
	}

	@Test
	void the_same_referral_sent_twice_is_recorded_once() {
		this.fixture
			.given(RAISED,
					new MatterReferred(STRATEGY, MANAGEMENT, SOUTH, ReferralPurpose.FOR_ANCHORING, JANUARY, null, null))
			.when(new ReferMatter(STRATEGY, MANAGEMENT, SOUTH, ReferralPurpose.FOR_ANCHORING, JANUARY, null, null))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void a_referral_recorded_by_mistake_is_withdrawn_as_it_was_made() {
		AgendaItemId item = AgendaItemId.of("12");
		this.fixture
			.given(RAISED,
					new MatterReferred(STRATEGY, MANAGEMENT, SOUTH, ReferralPurpose.FOR_ANCHORING, JANUARY, item, null))
			.when(new WithdrawReferral(STRATEGY, SOUTH, JANUARY, "fel länsdel"))
			.expectEvents(new ReferralWithdrawn(STRATEGY, MANAGEMENT, SOUTH, JANUARY, item, "fel länsdel"));
	}

	@Test
	void withdrawing_a_referral_withdrawn_before_changes_nothing() {
		this.fixture
			.given(RAISED,
					new MatterReferred(STRATEGY, MANAGEMENT, SOUTH, ReferralPurpose.FOR_ANCHORING, JANUARY, null, null),
					new ReferralWithdrawn(STRATEGY, MANAGEMENT, SOUTH, JANUARY, null, null))
			.when(new WithdrawReferral(STRATEGY, SOUTH, JANUARY, null))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void a_referral_never_made_is_not_withdrawn() {
		this.fixture
			.given(RAISED,
					new MatterReferred(STRATEGY, MANAGEMENT, SOUTH, ReferralPurpose.FOR_ANCHORING, JANUARY, null, null))
			.when(new WithdrawReferral(STRATEGY, SOUTH, null, null))
			.expectException(refusedWith(ErrorCode.UNKNOWN_ID))
			.expectNoEvents();
	}

	@Test
	void a_referral_made_at_a_meeting_whose_minutes_are_adjusted_is_corrected_not_withdrawn() {
		MeetingId december = MeetingId.of("chefsgrupp-2024-12-04");
		this.record.adjustedMeeting(december, MANAGEMENT, java.time.LocalDate.of(2024, 12, 4));
		this.fixture
			.given(RAISED,
					new MatterReferred(STRATEGY, MANAGEMENT, SOUTH, ReferralPurpose.FOR_ANCHORING, december, null,
							null))
			.when(new WithdrawReferral(STRATEGY, SOUTH, december, null))
			.expectException(refusedWith(ErrorCode.MINUTES_ADJUSTED))
			.expectNoEvents();
	}

	@Test
	void a_withdrawn_referral_sent_again_is_not_made_anew() {
		this.fixture
			.given(RAISED,
					new MatterReferred(STRATEGY, MANAGEMENT, SOUTH, ReferralPurpose.FOR_ANCHORING, JANUARY, null, null),
					new ReferralWithdrawn(STRATEGY, MANAGEMENT, SOUTH, JANUARY, null, null))
			.when(new ReferMatter(STRATEGY, MANAGEMENT, SOUTH, ReferralPurpose.FOR_ANCHORING, JANUARY, null, null))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void a_matter_whose_referral_was_withdrawn_was_never_with_that_body() {
		this.fixture
			.given(RAISED,
					new MatterReferred(STRATEGY, MANAGEMENT, JOINT, ReferralPurpose.FOR_ANCHORING, null, null, null),
					new ReferralWithdrawn(STRATEGY, MANAGEMENT, JOINT, null, null, "fel grupp"))
			.when(new ReferMatter(STRATEGY, JOINT, SOUTH, ReferralPurpose.FOR_INFORMATION, null, null, null))
			.expectException(refusedWith(ErrorCode.RULE_BROKEN))
			.expectNoEvents();
	}

	@Test
	void a_matter_is_taken_off_a_backlog_without_being_taken_up() {
		this.fixture.given(RAISED, new MatterQueued(STRATEGY, SOUTH, 1, null))
			.when(new RemoveMatterFromBacklog(STRATEGY, SOUTH, "temat utgår"))
			.expectEvents(new MatterRemovedFromBacklog(STRATEGY, SOUTH, "temat utgår"));
	}

	@Test
	void taking_a_matter_off_a_backlog_it_was_taken_off_changes_nothing() {
		this.fixture
			.given(RAISED, new MatterQueued(STRATEGY, SOUTH, 1, null),
					new MatterRemovedFromBacklog(STRATEGY, SOUTH, null))
			.when(new RemoveMatterFromBacklog(STRATEGY, SOUTH, null))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void a_matter_is_not_taken_off_a_backlog_it_was_never_on() {
		this.fixture.given(RAISED, new MatterQueued(STRATEGY, SOUTH, 1, null))
			.when(new RemoveMatterFromBacklog(STRATEGY, JOINT, null))
			.expectException(refusedWith(ErrorCode.UNKNOWN_ID))
			.expectNoEvents();
	}

	@Test
	void a_matter_queued_anew_after_it_was_taken_off_is_on_the_backlog_again() {
		this.fixture
			.given(RAISED, new MatterQueued(STRATEGY, SOUTH, 1, null),
					new MatterRemovedFromBacklog(STRATEGY, SOUTH, null), new MatterQueued(STRATEGY, SOUTH, 2, "hösten"))
			.when(new RemoveMatterFromBacklog(STRATEGY, SOUTH, null))
			.expectEvents(new MatterRemovedFromBacklog(STRATEGY, SOUTH, null));
	}

	@Test
	void a_closed_matter_is_not_referred() {
		this.fixture.given(RAISED, new MatterClosed(STRATEGY, "strategin antagen"))
			.when(new ReferMatter(STRATEGY, MANAGEMENT, SOUTH, ReferralPurpose.FOR_INFORMATION, null, null, null))
			.expectException(refusedWith(ErrorCode.MATTER_CLOSED))
			.expectNoEvents();
	}

	@Test
	void a_matter_is_queued_on_a_body_backlog_with_a_priority() {
		this.fixture.given(RAISED)
			.when(new QueueMatter(STRATEGY, MANAGEMENT, 1, "prioriteras före övriga teman"))
			.expectEvents(new MatterQueued(STRATEGY, MANAGEMENT, 1, "prioriteras före övriga teman"));
	}

	@Test
	void a_matter_is_given_a_new_title() {
		this.fixture.given(RAISED)
			.when(new RenameMatter(STRATEGY, "Strategi för föräldraskapsstöd", "namnet i beslutet"))
			.expectEvents(new MatterRenamed(STRATEGY, "Strategi för föräldraskapsstöd", "namnet i beslutet"));
	}

	@Test
	void renaming_a_matter_to_the_title_it_has_changes_nothing() {
		this.fixture.given(RAISED, new MatterRenamed(STRATEGY, "Strategi för föräldraskapsstöd", null))
			.when(new RenameMatter(STRATEGY, "Strategi för föräldraskapsstöd", null))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void a_closed_matter_is_renamed_too() {
		this.fixture.given(RAISED, new MatterClosed(STRATEGY, "strategin antagen"))
			.when(new RenameMatter(STRATEGY, "Strategi för föräldraskapsstöd", null))
			.expectEvents(new MatterRenamed(STRATEGY, "Strategi för föräldraskapsstöd", null));
	}

	@Test
	void raising_a_renamed_matter_again_as_it_was_raised_changes_nothing() {
		this.fixture.given(RAISED, new MatterRenamed(STRATEGY, "Strategi för föräldraskapsstöd", null))
			.when(new RaiseMatter(STRATEGY, MANAGEMENT, "Föräldraskapsstödsstrategin", null, null))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void a_matter_is_given_a_new_description_and_the_same_one_again_changes_nothing() {
		this.fixture.given(RAISED)
			.when(new DescribeMatter(STRATEGY, "Stöd till föräldrar i hela länet", null))
			.expectEvents(new MatterDescribed(STRATEGY, "Stöd till föräldrar i hela länet", null));
		this.fixture.given(RAISED, new MatterDescribed(STRATEGY, "Stöd till föräldrar i hela länet", null))
			.when(new DescribeMatter(STRATEGY, "Stöd till föräldrar i hela länet", "igen"))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void a_matter_raised_without_a_registration_number_is_registered_later() {
		this.fixture.given(RAISED)
			.when(new RegisterMatter(STRATEGY, "RÖ 2025/00412", null))
			.expectEvents(new MatterRegistered(STRATEGY, "RÖ 2025/00412", null));
	}

	@Test
	void registering_a_matter_under_the_number_it_has_changes_nothing() {
		this.fixture.given(new MatterRaised(STRATEGY, MANAGEMENT, "Föräldraskapsstödsstrategin", "RÖ 2025/00412", null))
			.when(new RegisterMatter(STRATEGY, "RÖ 2025/00412", null))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void a_registration_number_recorded_wrongly_is_replaced_by_the_right_one() {
		this.fixture.given(RAISED, new MatterRegistered(STRATEGY, "RÖ 2025/00421", null))
			.when(new RegisterMatter(STRATEGY, "RÖ 2025/00412", "siffrorna förväxlade"))
			.expectEvents(new MatterRegistered(STRATEGY, "RÖ 2025/00412", "siffrorna förväxlade"));
	}

	@Test
	void a_closed_matter_is_reopened_with_a_reason() {
		this.fixture.given(RAISED, new MatterClosed(STRATEGY, "klar"))
			.when(new ReopenMatter(STRATEGY, "ny remiss"))
			.expectEvents(new MatterReopened(STRATEGY, "ny remiss"));
	}

	@Test
	void an_open_matter_is_not_reopened() {
		this.fixture.given(RAISED)
			.when(new ReopenMatter(STRATEGY, "ny remiss"))
			.expectException(refusedWith(ErrorCode.MATTER_OPEN))
			.expectNoEvents();
	}

}
