package org.matterflow.command.meeting;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.matterflow.command.common.RuleViolation;
import org.matterflow.command.common.UnknownReference;
import org.matterflow.command.infrastructure.FirstComponentTargetResolver;
import org.matterflow.command.testing.KnownRecord;
import org.matterflow.kernel.DocumentRef;
import org.matterflow.kernel.ErrorCode;
import org.matterflow.kernel.PersonId;
import org.matterflow.kernel.matter.MatterId;
import org.matterflow.kernel.meeting.*;

import static org.matterflow.command.meeting.MeetingFixtures.*;
import static org.matterflow.command.testing.Refusal.refusedWith;

class MeetingAggregateTest {

	private FixtureConfiguration<MeetingAggregate> fixture;

	private KnownRecord record;

	@BeforeEach
	void setUp() {
		this.record = new KnownRecord().body(BODY).matter(STRATEGY).scheduledMeeting(anyOtherMeetingId());
		this.fixture = new AggregateTestFixture<>(MeetingAggregate.class)
			.registerCommandTargetResolver(new FirstComponentTargetResolver())
			.registerInjectableResource(this.record);
	}

	@Test
	void a_meeting_of_an_active_body_is_scheduled() {
		this.fixture.givenNoPriorActivity()
			.when(new ScheduleMeeting(MEETING, BODY, JANUARY_22, "Länsstyrelsen", MeetingMode.IN_PERSON, false, null))
			.expectEvents(meetingScheduled());
	}

	@Test
	void a_meeting_of_a_dissolved_body_is_refused() {
		this.record.dissolvedBody(org.matterflow.kernel.body.BodyId.of("au"));
		this.fixture.givenNoPriorActivity()
			.when(new ScheduleMeeting(MEETING, org.matterflow.kernel.body.BodyId.of("au"), JANUARY_22, null,
					MeetingMode.DIGITAL, false, null))
			.expectException(refusedWith(ErrorCode.BODY_DISSOLVED))
			.expectNoEvents();
	}

	@Test
	void a_meeting_before_its_body_was_established_is_refused() {
		this.record.body(BODY, LocalDate.of(2025, 2, 1));
		this.fixture.givenNoPriorActivity()
			.when(new ScheduleMeeting(MEETING, BODY, JANUARY_22, null, MeetingMode.DIGITAL, false, null))
			.expectException(refusedWith(ErrorCode.RULE_BROKEN))
			.expectExceptionMessage(org.hamcrest.Matchers
				.containsString("cannot meet on 2025-01-22, before it was established on 2025-02-01"))
			.expectNoEvents();
	}

	@Test
	void a_meeting_on_its_body_s_establishment_day_is_scheduled() {
		this.record.body(BODY, JANUARY_22.date());
		this.fixture.givenNoPriorActivity()
			.when(new ScheduleMeeting(MEETING, BODY, JANUARY_22, "Länsstyrelsen", MeetingMode.IN_PERSON, false, null))
			.expectEvents(meetingScheduled());
	}

	@Test
	void a_meeting_of_an_unknown_body_is_refused() {
		this.fixture.givenNoPriorActivity()
			.when(new ScheduleMeeting(MEETING, org.matterflow.kernel.body.BodyId.of("nobody"), JANUARY_22, null,
					MeetingMode.DIGITAL, false, null))
			.expectException(UnknownReference.class)
			.expectNoEvents();
	}

	@Test
	void scheduling_the_same_meeting_twice_changes_nothing() {
		this.fixture.given(meetingScheduled())
			.when(new ScheduleMeeting(MEETING, BODY, JANUARY_22, "Länsstyrelsen", MeetingMode.IN_PERSON, false, null))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void scheduling_another_meeting_under_a_taken_id_is_refused() {
		this.fixture.given(meetingScheduled())
			.when(new ScheduleMeeting(MEETING, BODY, JANUARY_22, "Digitalt", MeetingMode.DIGITAL, false, null))
			.expectException(refusedWith(ErrorCode.DUPLICATE_ID))
			.expectNoEvents();
	}

	@Test
	void a_meeting_is_moved_later_without_a_reason() {
		MeetingTime later = new MeetingTime(LocalDate.of(2025, 1, 29), LocalTime.of(13, 0), LocalTime.of(16, 0));
		this.fixture.given(meetingScheduled())
			.when(new RescheduleMeeting(MEETING, later, null, false, null))
			.expectEvents(new MeetingRescheduled(MEETING, JANUARY_22, later, "Länsstyrelsen", false, null));
	}

	@Test
	void moving_a_meeting_earlier_than_its_record_needs_a_reason() {
		MeetingTime earlier = new MeetingTime(LocalDate.of(2025, 1, 15), null, null);
		this.fixture.given(meetingScheduled())
			.when(new RescheduleMeeting(MEETING, earlier, null, false, null))
			.expectException(refusedWith(ErrorCode.REASON_REQUIRED))
			.expectNoEvents();
	}

	@Test
	void moving_a_meeting_earlier_with_a_reason_is_recorded() {
		MeetingTime earlier = new MeetingTime(LocalDate.of(2025, 1, 15), null, null);
		this.fixture.given(meetingScheduled())
			.when(new RescheduleMeeting(MEETING, earlier, null, true, "krock med gemensam chefsdag"))
			.expectEvents(new MeetingRescheduled(MEETING, JANUARY_22, earlier, "Länsstyrelsen", true,
					"krock med gemensam chefsdag"));
	}

	@Test
	void a_meeting_is_not_moved_to_before_its_body_was_established() {
		this.record.body(BODY, LocalDate.of(2025, 1, 20));
		this.fixture.given(meetingScheduled())
			.when(new RescheduleMeeting(MEETING, new MeetingTime(LocalDate.of(2025, 1, 15), null, null), null, false,
					"krock med gemensam chefsdag"))
			.expectException(refusedWith(ErrorCode.RULE_BROKEN))
			.expectNoEvents();
	}

	@Test
	void a_cancelled_meeting_cannot_be_rescheduled() {
		this.fixture.given(meetingScheduled(), new MeetingCancelled(MEETING, "inställt"))
			.when(new RescheduleMeeting(MEETING, new MeetingTime(LocalDate.of(2025, 9, 11), null, null), null, false,
					null))
			.expectException(refusedWith(ErrorCode.MEETING_CANCELLED))
			.expectNoEvents();
	}

	@Test
	void a_meeting_after_its_body_was_dissolved_is_cancelled_by_matterflow() {
		this.fixture.given(meetingScheduled())
			.when(new CancelMeetingOfDissolvedBody(MEETING, BODY, LocalDate.of(2025, 1, 10), "uppdraget slutfört"))
			.expectEvents(new MeetingCancelled(MEETING, "the body was dissolved on 2025-01-10: uppdraget slutfört"));
	}

	@Test
	void a_meeting_on_the_day_its_body_was_dissolved_is_not_cancelled() {
		this.fixture.given(meetingScheduled())
			.when(new CancelMeetingOfDissolvedBody(MEETING, BODY, JANUARY_22.date(), null))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void an_opened_meeting_is_not_cancelled_when_its_body_is_dissolved() {
		this.fixture.given(meetingScheduled(), new MeetingOpened(MEETING))
			.when(new CancelMeetingOfDissolvedBody(MEETING, BODY, LocalDate.of(2025, 1, 10), null))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void an_opened_meeting_cannot_be_cancelled() {
		this.fixture.given(meetingScheduled(), new MeetingOpened(MEETING))
			.when(new CancelMeeting(MEETING, "för få anmälda"))
			.expectException(refusedWith(ErrorCode.MEETING_ALREADY_OPENED))
			.expectNoEvents();
	}

	@Test
	void cancelling_a_cancelled_meeting_again_changes_nothing() {
		this.fixture.given(meetingScheduled(), new MeetingCancelled(MEETING, "inställt"))
			.when(new CancelMeeting(MEETING, "inställt"))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void an_agenda_item_goes_last_unless_a_position_is_given() {
		AgendaItemId item5 = AgendaItemId.of("5");
		this.fixture.given(meetingScheduled(), strategyItem())
			.when(new AddAgendaItem(MEETING, item5, null, "Samverkansplan", ItemKind.DECISION, null, null, null, null,
					null))
			.expectEvents(new AgendaItemAdded(MEETING, item5, 2, "Samverkansplan", ItemKind.DECISION, null, List.of(),
					List.of(), List.of(), null));
	}

	@Test
	void an_agenda_item_about_an_unknown_matter_is_refused() {
		this.fixture.given(meetingScheduled())
			.when(new AddAgendaItem(MEETING, ITEM_4, null, "Okänt", ItemKind.DISCUSSION, MatterId.of("unknown"), null,
					null, null, null))
			.expectException(UnknownReference.class)
			.expectNoEvents();
	}

	@Test
	void the_same_agenda_item_sent_twice_is_added_once() {
		this.fixture.given(meetingScheduled(), strategyItem())
			.when(new AddAgendaItem(MEETING, ITEM_4, null, "Föräldraskapsstödsstrategin", ItemKind.DISCUSSION, STRATEGY,
					List.of("Deepa Singhru"), null, null, null))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void an_agenda_item_is_renamed_before_the_meeting() {
		this.fixture.given(meetingScheduled(), strategyItem())
			.when(new RenameAgendaItem(MEETING, ITEM_4, "Strategi för föräldraskapsstöd", "stavfel"))
			.expectEvents(
					new AgendaItemRenamed(MEETING, ITEM_4, STRATEGY, "Strategi för föräldraskapsstöd", "stavfel"));
	}

	@Test
	void an_agenda_item_with_decisions_is_renamed_while_the_minutes_are_written() {
		this.fixture
			.given(meetingScheduled(), strategyItem(), new MeetingOpened(MEETING), taken(), new MeetingClosed(MEETING))
			.when(new RenameAgendaItem(MEETING, ITEM_4, "Strategi för föräldraskapsstöd", null))
			.expectEvents(new AgendaItemRenamed(MEETING, ITEM_4, STRATEGY, "Strategi för föräldraskapsstöd", null));
	}

	@Test
	void renaming_an_agenda_item_to_the_title_it_has_changes_nothing() {
		this.fixture
			.given(meetingScheduled(), strategyItem(),
					new AgendaItemRenamed(MEETING, ITEM_4, STRATEGY, "Strategi för föräldraskapsstöd", null))
			.when(new RenameAgendaItem(MEETING, ITEM_4, "Strategi för föräldraskapsstöd", null))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void a_renamed_agenda_item_sent_again_as_it_was_added_changes_nothing() {
		this.fixture
			.given(meetingScheduled(), strategyItem(),
					new AgendaItemRenamed(MEETING, ITEM_4, STRATEGY, "Strategi för föräldraskapsstöd", null))
			.when(new AddAgendaItem(MEETING, ITEM_4, null, "Föräldraskapsstödsstrategin", ItemKind.DISCUSSION, STRATEGY,
					List.of("Deepa Singhru"), null, null, null))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void a_withdrawn_agenda_item_is_not_renamed() {
		this.fixture.given(meetingScheduled(), strategyItem(), new AgendaItemWithdrawn(MEETING, ITEM_4, "dubblett"))
			.when(new RenameAgendaItem(MEETING, ITEM_4, "Strategi för föräldraskapsstöd", null))
			.expectException(refusedWith(ErrorCode.ITEM_NOT_ON_AGENDA))
			.expectNoEvents();
	}

	@Test
	void an_agenda_item_of_adjusted_minutes_is_corrected_not_renamed() {
		this.fixture.given(adjustedMeeting())
			.when(new RenameAgendaItem(MEETING, ITEM_4, "Strategi för föräldraskapsstöd", null))
			.expectException(refusedWith(ErrorCode.MINUTES_ADJUSTED))
			.expectNoEvents();
	}

	@Test
	void another_agenda_item_under_a_taken_item_id_is_refused() {
		this.fixture.given(meetingScheduled(), strategyItem())
			.when(new AddAgendaItem(MEETING, ITEM_4, null, "Samverkansplan", ItemKind.DECISION, null, null, null, null,
					null))
			.expectException(refusedWith(ErrorCode.DUPLICATE_ID))
			.expectNoEvents();
	}

	@Test
	void a_new_order_must_name_every_item_of_the_agenda() {
		this.fixture.given(meetingScheduled(), strategyItem(), itemAdded(AgendaItemId.of("5"), 2, null))
			.when(new ReorderAgenda(MEETING, List.of(ITEM_4)))
			.expectException(refusedWith(ErrorCode.RULE_BROKEN))
			.expectNoEvents();
	}

	@Test
	void the_agenda_is_put_in_a_new_order() {
		AgendaItemId item5 = AgendaItemId.of("5");
		this.fixture.given(meetingScheduled(), strategyItem(), itemAdded(item5, 2, null))
			.when(new ReorderAgenda(MEETING, List.of(item5, ITEM_4)))
			.expectEvents(new AgendaReordered(MEETING, List.of(item5, ITEM_4)));
	}

	@Test
	void a_decision_on_a_cancelled_meeting_is_refused() {
		this.fixture.given(meetingScheduled(), strategyItem(), new MeetingCancelled(MEETING, "inställt"))
			.when(decisionUnderItem4())
			.expectException(refusedWith(ErrorCode.MEETING_CANCELLED))
			.expectNoEvents();
	}

	@Test
	void a_decision_on_a_meeting_not_yet_opened_is_refused() {
		this.fixture.given(meetingScheduled(), strategyItem())
			.when(decisionUnderItem4())
			.expectException(refusedWith(ErrorCode.MEETING_NOT_OPENED))
			.expectNoEvents();
	}

	@Test
	void attendance_at_a_meeting_not_yet_opened_is_refused() {
		this.fixture.given(meetingScheduled())
			.when(new RecordAttendance(MEETING, PersonId.of("ingmar"), "Ingmar Ångman", null, AttendanceStatus.PRESENT,
					null))
			.expectException(refusedWith(ErrorCode.MEETING_NOT_OPENED))
			.expectNoEvents();
	}

	@Test
	void attendance_at_a_cancelled_meeting_is_refused() {
		this.fixture.given(meetingScheduled(), new MeetingCancelled(MEETING, null))
			.when(new RecordAttendance(MEETING, PersonId.of("ingmar"), "Ingmar Ångman", null, AttendanceStatus.PRESENT,
					null))
			.expectException(refusedWith(ErrorCode.MEETING_CANCELLED))
			.expectNoEvents();
	}

	@Test
	void a_guest_attends_for_named_items_only() {
		PersonId deepa = PersonId.of("deepa");
		this.fixture.given(meetingScheduled(), strategyItem(), new MeetingOpened(MEETING))
			.when(new RecordAttendance(MEETING, deepa, "Deepa Singhru", null, AttendanceStatus.GUEST, List.of(ITEM_4)))
			.expectEvents(new AttendanceRecorded(MEETING, deepa, "Deepa Singhru", null, AttendanceStatus.GUEST,
					List.of(ITEM_4)));
	}

	@Test
	void a_person_recorded_by_mistake_is_taken_out_of_the_attendance() {
		this.fixture.given(meetingScheduled(), new MeetingOpened(MEETING), attending(), new MeetingClosed(MEETING))
			.when(new RemoveAttendance(MEETING, PersonId.of("deepa"), "fel person"))
			.expectEvents(new AttendanceRemoved(MEETING, PersonId.of("deepa"), "fel person"));
	}

	@Test
	void taking_out_again_one_taken_out_changes_nothing() {
		this.fixture
			.given(meetingScheduled(), new MeetingOpened(MEETING), attending(),
					new AttendanceRemoved(MEETING, PersonId.of("deepa"), null))
			.when(new RemoveAttendance(MEETING, PersonId.of("deepa"), null))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void taking_out_a_person_not_in_the_attendance_is_refused() {
		this.fixture.given(meetingScheduled(), new MeetingOpened(MEETING), attending())
			.when(new RemoveAttendance(MEETING, PersonId.of("deppa"), null))
			.expectException(refusedWith(ErrorCode.UNKNOWN_ID))
			.expectNoEvents();
	}

	@Test
	void a_person_taken_out_can_be_recorded_again() {
		this.fixture
			.given(meetingScheduled(), new MeetingOpened(MEETING), attending(),
					new AttendanceRemoved(MEETING, PersonId.of("deepa"), null))
			.when(new RecordAttendance(MEETING, PersonId.of("deepa"), "Deepa Singhru", null, AttendanceStatus.PRESENT,
					List.of()))
			.expectEvents(new AttendanceRecorded(MEETING, PersonId.of("deepa"), "Deepa Singhru", null,
					AttendanceStatus.PRESENT, List.of()));
	}

	@Test
	void the_attendance_of_adjusted_minutes_is_corrected_not_changed() {
		List<Object> history = new java.util.ArrayList<>(adjustedMeeting());
		history.add(3, attending());
		this.fixture.given(history)
			.when(new RemoveAttendance(MEETING, PersonId.of("deepa"), null))
			.expectException(refusedWith(ErrorCode.MINUTES_ADJUSTED))
			.expectNoEvents();
	}

	private static AttendanceRecorded attending() {
		return new AttendanceRecorded(MEETING, PersonId.of("deepa"), "Deepa Singhru", null, AttendanceStatus.PRESENT,
				List.of());
	}

	@Test
	void a_guest_for_an_item_not_on_the_agenda_is_refused() {
		this.fixture.given(meetingScheduled(), new MeetingOpened(MEETING))
			.when(new RecordAttendance(MEETING, PersonId.of("deepa"), "Deepa Singhru", null, AttendanceStatus.GUEST,
					List.of(ITEM_4)))
			.expectException(refusedWith(ErrorCode.ITEM_NOT_ON_AGENDA))
			.expectNoEvents();
	}

	@Test
	void a_deferral_on_a_cancelled_meeting_is_refused() {
		this.fixture.given(meetingScheduled(), strategyItem(), new MeetingCancelled(MEETING, null))
			.when(new DeferItem(MEETING, ITEM_4, null, null, "låg närvaro"))
			.expectException(refusedWith(ErrorCode.MEETING_CANCELLED))
			.expectNoEvents();
	}

	@Test
	void a_deferral_on_a_meeting_not_yet_opened_is_refused() {
		this.fixture.given(meetingScheduled(), strategyItem())
			.when(new DeferItem(MEETING, ITEM_4, null, null, "låg närvaro"))
			.expectException(refusedWith(ErrorCode.MEETING_NOT_OPENED))
			.expectNoEvents();
	}

	@Test
	void a_decision_is_taken_under_an_item_on_the_agenda_and_about_its_matter() {
		this.fixture.given(meetingScheduled(), strategyItem(), new MeetingOpened(MEETING))
			.when(decisionUnderItem4())
			.expectEvents(new DecisionTaken(MEETING, DecisionId.of("d-4"), ITEM_4, STRATEGY,
					DecisionKind.HAND_OUT_ASSIGNMENT, "Deepa får fortsatt uppdrag att återkomma med ett förslag"));
	}

	@Test
	void a_decision_under_an_item_not_on_the_agenda_is_refused() {
		this.fixture.given(meetingScheduled(), new MeetingOpened(MEETING))
			.when(decisionUnderItem4())
			.expectException(refusedWith(ErrorCode.ITEM_NOT_ON_AGENDA))
			.expectNoEvents();
	}

	@Test
	void a_decision_under_a_withdrawn_item_is_refused() {
		this.fixture
			.given(meetingScheduled(), strategyItem(), new AgendaItemWithdrawn(MEETING, ITEM_4, null),
					new MeetingOpened(MEETING))
			.when(decisionUnderItem4())
			.expectException(refusedWith(ErrorCode.ITEM_NOT_ON_AGENDA))
			.expectNoEvents();
	}

	@Test
	void a_decision_about_another_matter_than_its_item_is_refused() {
		this.record.matter(MatterId.of("samverkansplan"));
		this.fixture.given(meetingScheduled(), strategyItem(), new MeetingOpened(MEETING))
			.when(new TakeDecision(MEETING, DecisionId.of("d-4"), ITEM_4, MatterId.of("samverkansplan"),
					DecisionKind.ADOPT_PROPOSAL, "planen antagen"))
			.expectException(refusedWith(ErrorCode.RULE_BROKEN))
			.expectNoEvents();
	}

	@Test
	void the_same_decision_sent_twice_is_recorded_once() {
		this.fixture
			.given(meetingScheduled(), strategyItem(), new MeetingOpened(MEETING),
					new DecisionTaken(MEETING, DecisionId.of("d-4"), ITEM_4, STRATEGY, DecisionKind.HAND_OUT_ASSIGNMENT,
							"Deepa får fortsatt uppdrag att återkomma med ett förslag"))
			.when(decisionUnderItem4())
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void another_decision_under_a_taken_decision_id_is_refused() {
		this.fixture
			.given(meetingScheduled(), strategyItem(), new MeetingOpened(MEETING),
					new DecisionTaken(MEETING, DecisionId.of("d-4"), ITEM_4, STRATEGY, DecisionKind.PLACE_ON_FILE,
							"lades till handlingarna"))
			.when(decisionUnderItem4())
			.expectException(refusedWith(ErrorCode.DUPLICATE_ID))
			.expectNoEvents();
	}

	@Test
	void an_item_with_decisions_cannot_be_withdrawn() {
		this.fixture
			.given(meetingScheduled(), strategyItem(), new MeetingOpened(MEETING),
					new DecisionTaken(MEETING, DecisionId.of("d-4"), ITEM_4, STRATEGY, DecisionKind.PLACE_ON_FILE,
							"lades till handlingarna"))
			.when(new WithdrawAgendaItem(MEETING, ITEM_4, null))
			.expectException(refusedWith(ErrorCode.RULE_BROKEN))
			.expectNoEvents();
	}

	@Test
	void an_item_is_deferred_to_a_coming_meeting_with_its_matter() {
		this.fixture.given(meetingScheduled(), strategyItem(), new MeetingOpened(MEETING))
			.when(new DeferItem(MEETING, ITEM_4, anyOtherMeetingId(), null, "flyttas till kommande möte"))
			.expectEvents(new ItemDeferred(MEETING, ITEM_4, STRATEGY, anyOtherMeetingId(), null,
					"flyttas till kommande möte"));
	}

	@Test
	void a_deferral_made_by_mistake_is_taken_back() {
		this.fixture.given(meetingScheduled(), strategyItem(), new MeetingOpened(MEETING), deferredToMay())
			.when(new WithdrawDeferral(MEETING, ITEM_4, "avgjordes på mötet"))
			.expectEvents(new DeferralWithdrawn(MEETING, ITEM_4, STRATEGY, "avgjordes på mötet"));
	}

	@Test
	void an_item_deferred_to_the_wrong_meeting_is_deferred_anew_once_that_deferral_is_taken_back() {
		MeetingId june = MeetingId.of("chefsgrupp-2025-06-12");
		this.record.scheduledMeeting(june);
		this.fixture
			.given(meetingScheduled(), strategyItem(), new MeetingOpened(MEETING), deferredToMay(),
					new DeferralWithdrawn(MEETING, ITEM_4, STRATEGY, null))
			.when(new DeferItem(MEETING, ITEM_4, june, null, "flyttas till kommande möte"))
			.expectEvents(new ItemDeferred(MEETING, ITEM_4, STRATEGY, june, null, "flyttas till kommande möte"));
	}

	@Test
	void an_item_deferred_elsewhere_is_not_deferred_again_until_that_deferral_is_taken_back() {
		MeetingId june = MeetingId.of("chefsgrupp-2025-06-12");
		this.record.scheduledMeeting(june);
		this.fixture.given(meetingScheduled(), strategyItem(), new MeetingOpened(MEETING), deferredToMay())
			.when(new DeferItem(MEETING, ITEM_4, june, null, "flyttas till kommande möte"))
			.expectException(refusedWith(ErrorCode.RULE_BROKEN))
			.expectNoEvents();
	}

	@Test
	void a_deferral_taken_back_and_sent_again_as_before_is_not_made_anew() {
		this.fixture
			.given(meetingScheduled(), strategyItem(), new MeetingOpened(MEETING), deferredToMay(),
					new DeferralWithdrawn(MEETING, ITEM_4, STRATEGY, null))
			.when(new DeferItem(MEETING, ITEM_4, anyOtherMeetingId(), null, "flyttas till kommande möte"))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void taking_back_a_deferral_taken_back_before_changes_nothing_and_one_never_made_is_refused() {
		this.fixture
			.given(meetingScheduled(), strategyItem(), new MeetingOpened(MEETING), deferredToMay(),
					new DeferralWithdrawn(MEETING, ITEM_4, STRATEGY, null))
			.when(new WithdrawDeferral(MEETING, ITEM_4, null))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
		this.fixture.given(meetingScheduled(), strategyItem(), new MeetingOpened(MEETING))
			.when(new WithdrawDeferral(MEETING, ITEM_4, null))
			.expectException(refusedWith(ErrorCode.UNKNOWN_ID))
			.expectNoEvents();
	}

	@Test
	void a_deferral_in_adjusted_minutes_is_not_taken_back() {
		List<Object> history = new java.util.ArrayList<>(adjustedMeeting());
		history.add(3, deferredToMay());
		this.fixture.given(history)
			.when(new WithdrawDeferral(MEETING, ITEM_4, null))
			.expectException(refusedWith(ErrorCode.MINUTES_ADJUSTED))
			.expectNoEvents();
	}

	private static ItemDeferred deferredToMay() {
		return new ItemDeferred(MEETING, ITEM_4, STRATEGY, anyOtherMeetingId(), null, "flyttas till kommande möte");
	}

	@Test
	void an_item_cannot_be_deferred_to_the_meeting_it_is_on() {
		this.fixture.given(meetingScheduled(), strategyItem(), new MeetingOpened(MEETING))
			.when(new DeferItem(MEETING, ITEM_4, MEETING, null, null))
			.expectException(refusedWith(ErrorCode.RULE_BROKEN))
			.expectNoEvents();
	}

	@Test
	void an_item_cannot_be_deferred_to_a_cancelled_meeting() {
		MeetingId cancelled = MeetingId.of("radet-2020-04-24");
		this.record.cancelledMeeting(cancelled);
		this.fixture.given(meetingScheduled(), strategyItem(), new MeetingOpened(MEETING))
			.when(new DeferItem(MEETING, ITEM_4, cancelled, null, null))
			.expectException(refusedWith(ErrorCode.MEETING_CANCELLED))
			.expectNoEvents();
	}

	@Test
	void the_minutes_are_adjusted_only_after_the_meeting_is_closed() {
		this.fixture.given(meetingScheduled(), new MeetingOpened(MEETING))
			.when(new AdjustMinutes(MEETING, LocalDate.of(2025, 1, 30), List.of("Anna Andersson")))
			.expectException(refusedWith(ErrorCode.MEETING_NOT_CLOSED))
			.expectNoEvents();
	}

	@Test
	void closed_minutes_are_adjusted_and_locked() {
		this.fixture.given(meetingScheduled(), new MeetingOpened(MEETING), new MeetingClosed(MEETING))
			.when(new AdjustMinutes(MEETING, LocalDate.of(2025, 1, 30), List.of("Anna Andersson")))
			.expectEvents(new MinutesAdjusted(MEETING, LocalDate.of(2025, 1, 30), List.of("Anna Andersson")));
	}

	@Test
	void minutes_cannot_have_been_adjusted_before_the_meeting_was_held() {
		this.fixture.given(meetingScheduled(), new MeetingOpened(MEETING), new MeetingClosed(MEETING))
			.when(new AdjustMinutes(MEETING, LocalDate.of(2025, 1, 21), List.of("Anna Andersson")))
			.expectException(refusedWith(ErrorCode.RULE_BROKEN))
			.expectExceptionMessage(org.hamcrest.Matchers.containsString("before it was held"))
			.expectNoEvents();
	}

	@Test
	void minutes_cannot_be_recorded_as_adjusted_on_a_day_still_to_come() {
		this.fixture.given(meetingScheduled(), new MeetingOpened(MEETING), new MeetingClosed(MEETING))
			.when(new AdjustMinutes(MEETING, LocalDate.of(2025, 1, 30), List.of("Anna Andersson")),
					recordedAt("2025-01-27T10:00:00Z"))
			.expectException(refusedWith(ErrorCode.RULE_BROKEN))
			.expectExceptionMessage(org.hamcrest.Matchers.containsString("a day that has not come"))
			.expectNoEvents();
	}

	@Test
	void a_meeting_is_not_opened_before_its_day() {
		this.fixture.given(meetingScheduled())
			.when(new OpenMeeting(MEETING), recordedAt("2025-01-21T15:00:00Z"))
			.expectException(refusedWith(ErrorCode.BEFORE_MEETING_DAY))
			.expectExceptionMessage(org.hamcrest.Matchers.containsString("reschedule it to today first"))
			.expectNoEvents();
	}

	@Test
	void a_meeting_is_opened_once_its_day_has_come_in_the_regions_time_zone() {
		// 23:30 UTC on the 21st is half past midnight on the 22nd in Stockholm
		this.fixture.given(meetingScheduled())
			.when(new OpenMeeting(MEETING), recordedAt("2025-01-21T23:30:00Z"))
			.expectEvents(new MeetingOpened(MEETING));
	}

	@Test
	void a_meeting_is_not_opened_once_its_body_was_dissolved_before_its_day() {
		this.record.dissolvedBody(BODY);
		this.fixture.given(meetingScheduled())
			.when(new OpenMeeting(MEETING), recordedAt("2025-01-22T08:00:00Z"))
			.expectException(refusedWith(ErrorCode.BODY_DISSOLVED))
			.expectNoEvents();
	}

	@Test
	void opening_a_meeting_already_opened_changes_nothing_after_its_body_was_dissolved() {
		this.record.dissolvedBody(BODY);
		this.fixture.given(meetingScheduled(), new MeetingOpened(MEETING))
			.when(new OpenMeeting(MEETING), recordedAt("2025-01-22T08:00:00Z"))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void a_meeting_held_earlier_than_planned_is_opened_once_rescheduled_to_that_day() {
		MeetingTime today = new MeetingTime(LocalDate.of(2025, 1, 15), LocalTime.of(9, 0), null);
		this.fixture
			.given(meetingScheduled(),
					new MeetingRescheduled(MEETING, JANUARY_22, today, "Länsstyrelsen", false, "ordförandens förfall"))
			.when(new OpenMeeting(MEETING), recordedAt("2025-01-15T08:00:00Z"))
			.expectEvents(new MeetingOpened(MEETING));
	}

	private static java.util.Map<String, Object> recordedAt(String instant) {
		return java.util.Map.of(org.matterflow.command.common.RecordMetadata.RECORDED_AT, instant);
	}

	@Test
	void a_decision_is_revised_while_the_minutes_are_written() {
		this.fixture
			.given(meetingScheduled(), strategyItem(), new MeetingOpened(MEETING), taken(), new MeetingClosed(MEETING))
			.when(new ReviseDecision(MEETING, DecisionId.of("d-4"), "Deepa och Linn får fortsatt uppdrag",
					"namn saknades"))
			.expectEvents(new DecisionRevised(MEETING, DecisionId.of("d-4"), "Deepa och Linn får fortsatt uppdrag",
					"namn saknades"));
	}

	@Test
	void revising_a_decision_to_the_text_it_reads_changes_nothing() {
		this.fixture
			.given(meetingScheduled(), strategyItem(), new MeetingOpened(MEETING), taken(),
					new DecisionRevised(MEETING, DecisionId.of("d-4"), "Deepa och Linn får fortsatt uppdrag", null))
			.when(new ReviseDecision(MEETING, DecisionId.of("d-4"), "Deepa och Linn får fortsatt uppdrag", null))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void a_revised_decision_sent_again_as_taken_changes_nothing() {
		this.fixture
			.given(meetingScheduled(), strategyItem(), new MeetingOpened(MEETING), taken(),
					new DecisionRevised(MEETING, DecisionId.of("d-4"), "Deepa och Linn får fortsatt uppdrag", null))
			.when(decisionUnderItem4())
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void a_decision_not_in_the_minutes_is_not_revised() {
		this.fixture.given(meetingScheduled(), strategyItem(), new MeetingOpened(MEETING))
			.when(new ReviseDecision(MEETING, DecisionId.of("d-9"), "något", null))
			.expectException(refusedWith(ErrorCode.UNKNOWN_ID))
			.expectNoEvents();
	}

	@Test
	void a_decision_of_adjusted_minutes_is_corrected_not_revised() {
		List<Object> history = new java.util.ArrayList<>(adjustedMeeting());
		history.add(3, taken());
		this.fixture.given(history)
			.when(new ReviseDecision(MEETING, DecisionId.of("d-4"), "Deepa och Linn får fortsatt uppdrag", null))
			.expectException(refusedWith(ErrorCode.MINUTES_ADJUSTED))
			.expectNoEvents();
	}

	@Test
	void a_decision_recorded_by_mistake_is_taken_back() {
		this.fixture.given(meetingScheduled(), strategyItem(), new MeetingOpened(MEETING), taken())
			.when(new WithdrawDecision(MEETING, DecisionId.of("d-4"), "registrerat två gånger"))
			.expectEvents(
					new DecisionWithdrawn(MEETING, DecisionId.of("d-4"), ITEM_4, STRATEGY, "registrerat två gånger"));
	}

	@Test
	void taking_back_a_decision_taken_back_before_changes_nothing() {
		this.fixture.given(meetingScheduled(), strategyItem(), new MeetingOpened(MEETING), taken(), withdrawn())
			.when(new WithdrawDecision(MEETING, DecisionId.of("d-4"), null))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void a_decision_never_recorded_is_not_taken_back() {
		this.fixture.given(meetingScheduled(), strategyItem(), new MeetingOpened(MEETING))
			.when(new WithdrawDecision(MEETING, DecisionId.of("d-9"), null))
			.expectException(refusedWith(ErrorCode.UNKNOWN_ID))
			.expectNoEvents();
	}

	@Test
	void a_decision_taken_back_and_sent_again_as_taken_stays_taken_back() {
		this.fixture.given(meetingScheduled(), strategyItem(), new MeetingOpened(MEETING), taken(), withdrawn())
			.when(decisionUnderItem4())
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void a_decision_taken_back_is_neither_revised_nor_corrected() {
		this.fixture.given(meetingScheduled(), strategyItem(), new MeetingOpened(MEETING), taken(), withdrawn())
			.when(new ReviseDecision(MEETING, DecisionId.of("d-4"), "något annat", null))
			.expectException(refusedWith(ErrorCode.UNKNOWN_ID))
			.expectNoEvents();
		List<Object> history = new java.util.ArrayList<>(adjustedMeeting());
		history.addAll(3, List.of(taken(), withdrawn()));
		this.fixture.given(history)
			.when(new CorrectMinutes(MEETING, CorrectionId.of("c-1"), null, DecisionId.of("d-4"), "beslut d-4",
					"något annat", "fel"))
			.expectException(refusedWith(ErrorCode.UNKNOWN_ID))
			.expectNoEvents();
	}

	@Test
	void an_item_whose_only_decision_was_taken_back_can_be_withdrawn() {
		this.fixture.given(meetingScheduled(), strategyItem(), new MeetingOpened(MEETING), taken(), withdrawn())
			.when(new WithdrawAgendaItem(MEETING, ITEM_4, "dubblett"))
			.expectEvents(new AgendaItemWithdrawn(MEETING, ITEM_4, "dubblett"));
	}

	@Test
	void a_decision_in_adjusted_minutes_is_corrected_not_taken_back() {
		List<Object> history = new java.util.ArrayList<>(adjustedMeeting());
		history.add(3, taken());
		this.fixture.given(history)
			.when(new WithdrawDecision(MEETING, DecisionId.of("d-4"), null))
			.expectException(refusedWith(ErrorCode.MINUTES_ADJUSTED))
			.expectNoEvents();
	}

	private static DecisionWithdrawn withdrawn() {
		return new DecisionWithdrawn(MEETING, DecisionId.of("d-4"), ITEM_4, STRATEGY, null);
	}

	private static DecisionTaken taken() {
		return new DecisionTaken(MEETING, DecisionId.of("d-4"), ITEM_4, STRATEGY, DecisionKind.HAND_OUT_ASSIGNMENT,
				"Deepa får fortsatt uppdrag att återkomma med ett förslag");
	}

	@Test
	void a_decision_after_the_minutes_are_adjusted_is_refused() {
		this.fixture.given(adjustedMeeting())
			.when(decisionUnderItem4())
			.expectException(refusedWith(ErrorCode.MINUTES_ADJUSTED))
			.expectNoEvents();
	}

	@Test
	void an_agenda_item_after_the_minutes_are_adjusted_is_refused() {
		this.fixture.given(adjustedMeeting())
			.when(new AddAgendaItem(MEETING, AgendaItemId.of("16"), null, "Övrigt", ItemKind.INFORMATION, null, null,
					null, null, null))
			.expectException(refusedWith(ErrorCode.MINUTES_ADJUSTED))
			.expectNoEvents();
	}

	@Test
	void adjusted_minutes_are_corrected_with_a_reason() {
		CorrectionId correction = CorrectionId.of("c-1");
		this.fixture.given(adjustedMeeting())
			.when(new CorrectMinutes(MEETING, correction, null, null, "beslut d-4", "Deepa och Linn", "namn saknades"))
			.expectEvents(new MinutesCorrected(MEETING, correction, null, null, "beslut d-4", "Deepa och Linn",
					"namn saknades"));
	}

	@Test
	void minutes_not_yet_adjusted_are_not_corrected_but_changed() {
		this.fixture.given(meetingScheduled(), new MeetingOpened(MEETING))
			.when(new CorrectMinutes(MEETING, CorrectionId.of("c-1"), null, null, "beslut d-4", "ny text", "fel"))
			.expectException(refusedWith(ErrorCode.MINUTES_NOT_ADJUSTED))
			.expectNoEvents();
	}

	@Test
	void a_correction_sent_twice_is_recorded_once() {
		CorrectionId correction = CorrectionId.of("c-1");
		List<Object> given = new java.util.ArrayList<>(adjustedMeeting());
		given.add(
				new MinutesCorrected(MEETING, correction, null, null, "beslut d-4", "Deepa och Linn", "namn saknades"));
		this.fixture.given(given)
			.when(new CorrectMinutes(MEETING, correction, null, null, "beslut d-4", "Deepa och Linn", "namn saknades"))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void a_correction_names_a_decision_of_these_minutes() {
		List<Object> given = List.of(meetingScheduled(), strategyItem(), new MeetingOpened(MEETING),
				new DecisionTaken(MEETING, DecisionId.of("d-4"), ITEM_4, STRATEGY, DecisionKind.HAND_OUT_ASSIGNMENT,
						"Deepa får fortsatt uppdrag"),
				new MeetingClosed(MEETING), new MinutesAdjusted(MEETING, LocalDate.of(2025, 1, 30), List.of()));
		CorrectionId correction = CorrectionId.of("c-1");
		this.fixture.given(given)
			.when(new CorrectMinutes(MEETING, correction, ITEM_4, DecisionId.of("d-4"), "beslut d-4",
					"Deepa och Linn får fortsatt uppdrag", "namn saknades"))
			.expectEvents(new MinutesCorrected(MEETING, correction, ITEM_4, DecisionId.of("d-4"), "beslut d-4",
					"Deepa och Linn får fortsatt uppdrag", "namn saknades"));
	}

	@Test
	void a_correction_of_a_decision_not_in_these_minutes_is_refused() {
		this.fixture.given(adjustedMeeting())
			.when(new CorrectMinutes(MEETING, CorrectionId.of("c-1"), null, DecisionId.of("d-99"), "beslut d-99",
					"ny text", "fel"))
			.expectException(refusedWith(ErrorCode.UNKNOWN_ID))
			.expectNoEvents();
	}

	@Test
	void a_command_to_an_unknown_meeting_is_refused() {
		this.fixture.givenNoPriorActivity()
			.when(new OpenMeeting(MEETING))
			.expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
	}

	@Test
	void recording_an_adjusted_meeting_again_entry_by_entry_changes_nothing() {
		DecisionTaken decision = new DecisionTaken(MEETING, DecisionId.of("d-4"), ITEM_4, STRATEGY,
				DecisionKind.HAND_OUT_ASSIGNMENT, "Deepa får fortsatt uppdrag att återkomma med ett förslag");
		ItemDiscussed discussed = new ItemDiscussed(MEETING, ITEM_4, STRATEGY, "diskuterades per länsdel");
		DocumentRef slides = new DocumentRef("Ppt", "projify:foraldraskapsstod.pptx");
		this.fixture
			.given(meetingScheduled(), strategyItem(), new MeetingOpened(MEETING), discussed, decision,
					new DocumentAttached(MEETING, ITEM_4, slides), new MeetingClosed(MEETING),
					new MinutesAdjusted(MEETING, LocalDate.of(2025, 1, 30), List.of()))
			.when(new RecordDiscussion(MEETING, ITEM_4, "diskuterades per länsdel"))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void a_decision_recorded_again_after_the_minutes_are_adjusted_changes_nothing() {
		List<Object> given = new java.util.ArrayList<>(List.of(meetingScheduled(), strategyItem(),
				new MeetingOpened(MEETING), new DecisionTaken(MEETING, DecisionId.of("d-4"), ITEM_4, STRATEGY,
						DecisionKind.HAND_OUT_ASSIGNMENT, "Deepa får fortsatt uppdrag att återkomma med ett förslag")));
		given.add(new MeetingClosed(MEETING));
		given.add(new MinutesAdjusted(MEETING, LocalDate.of(2025, 1, 30), List.of()));
		this.fixture.given(given).when(decisionUnderItem4()).expectSuccessfulHandlerExecution().expectNoEvents();
	}

	@Test
	void the_same_discussion_recorded_twice_is_kept_once_but_a_new_one_is_added() {
		ItemDiscussed discussed = new ItemDiscussed(MEETING, ITEM_4, STRATEGY, "diskuterades per länsdel");
		this.fixture.given(meetingScheduled(), strategyItem(), new MeetingOpened(MEETING), discussed)
			.when(new RecordDiscussion(MEETING, ITEM_4, "Söder: har koll via processledare"))
			.expectEvents(new ItemDiscussed(MEETING, ITEM_4, STRATEGY, "Söder: har koll via processledare"));
	}

	@Test
	void closing_a_meeting_whose_minutes_are_adjusted_again_changes_nothing() {
		this.fixture.given(adjustedMeeting())
			.when(new CloseMeeting(MEETING))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void opening_a_meeting_whose_minutes_are_adjusted_again_changes_nothing() {
		this.fixture.given(adjustedMeeting())
			.when(new OpenMeeting(MEETING))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void a_discussion_is_rewritten_while_the_minutes_are_written() {
		this.fixture.given(meetingScheduled(), strategyItem(), new MeetingOpened(MEETING), discussed("Söder: har koll"))
			.when(new ReviseDiscussion(MEETING, ITEM_4, "Söder: har koll via processledare", "ofullständigt"))
			.expectEvents(new DiscussionRevised(MEETING, ITEM_4, STRATEGY, "Söder: har koll via processledare",
					"ofullständigt"));
	}

	@Test
	void revising_a_discussion_to_what_its_entries_read_changes_nothing() {
		this.fixture
			.given(meetingScheduled(), strategyItem(), new MeetingOpened(MEETING), discussed("Söder: har koll"),
					discussed("Norr: inte påbörjat"))
			.when(new ReviseDiscussion(MEETING, ITEM_4, "Söder: har koll\n\nNorr: inte påbörjat", null))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void an_entry_written_down_after_a_revision_is_added_to_what_the_discussion_reads() {
		this.fixture
			.given(meetingScheduled(), strategyItem(), new MeetingOpened(MEETING), discussed("Söder: har koll"),
					new DiscussionRevised(MEETING, ITEM_4, STRATEGY, "Söder: har koll via processledare", null),
					discussed("Norr: inte påbörjat"))
			.when(new ReviseDiscussion(MEETING, ITEM_4, "Söder: har koll via processledare\n\nNorr: inte påbörjat",
					null))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void an_entry_written_down_before_a_revision_sent_again_changes_nothing() {
		this.fixture
			.given(meetingScheduled(), strategyItem(), new MeetingOpened(MEETING), discussed("Söder: har koll"),
					new DiscussionRevised(MEETING, ITEM_4, STRATEGY, "Söder: har koll via processledare", null))
			.when(new RecordDiscussion(MEETING, ITEM_4, "Söder: har koll"))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void an_item_with_nothing_written_down_has_no_discussion_to_revise() {
		this.fixture.given(meetingScheduled(), strategyItem(), new MeetingOpened(MEETING))
			.when(new ReviseDiscussion(MEETING, ITEM_4, "Söder: har koll via processledare", null))
			.expectException(refusedWith(ErrorCode.RULE_BROKEN))
			.expectNoEvents();
	}

	@Test
	void a_discussion_of_adjusted_minutes_is_corrected_not_revised() {
		List<Object> history = new java.util.ArrayList<>(adjustedMeeting());
		history.add(3, discussed("Söder: har koll"));
		this.fixture.given(history)
			.when(new ReviseDiscussion(MEETING, ITEM_4, "Söder: har koll via processledare", null))
			.expectException(refusedWith(ErrorCode.MINUTES_ADJUSTED))
			.expectNoEvents();
	}

	private static ItemDiscussed discussed(String summary) {
		return new ItemDiscussed(MEETING, ITEM_4, STRATEGY, summary);
	}

	@Test
	void a_document_attached_to_the_wrong_item_is_taken_off() {
		this.fixture.given(meetingScheduled(), strategyItem(), attached("https://documents.example/plan.pdf"))
			.when(new RemoveDocument(MEETING, ITEM_4, "https://documents.example/plan.pdf", "fel punkt"))
			.expectEvents(new DocumentRemoved(MEETING, ITEM_4, "https://documents.example/plan.pdf", "fel punkt"));
	}

	@Test
	void taking_off_a_document_taken_off_before_changes_nothing() {
		this.fixture
			.given(meetingScheduled(), strategyItem(), attached("https://documents.example/plan.pdf"),
					new DocumentRemoved(MEETING, ITEM_4, "https://documents.example/plan.pdf", null))
			.when(new RemoveDocument(MEETING, ITEM_4, "https://documents.example/plan.pdf", null))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void a_document_never_on_the_item_is_not_taken_off() {
		this.fixture.given(meetingScheduled(), strategyItem(), attached("https://documents.example/plan.pdf"))
			.when(new RemoveDocument(MEETING, ITEM_4, "https://documents.example/plan.pfd", null))
			.expectException(refusedWith(ErrorCode.UNKNOWN_ID))
			.expectNoEvents();
	}

	@Test
	void a_document_taken_off_and_attached_again_as_before_stays_off() {
		this.fixture
			.given(meetingScheduled(), strategyItem(), attached("https://documents.example/plan.pdf"),
					new DocumentRemoved(MEETING, ITEM_4, "https://documents.example/plan.pdf", null))
			.when(new AttachDocument(MEETING, ITEM_4, new DocumentRef("Planen", "https://documents.example/plan.pdf")))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void a_document_attached_anew_under_another_title_is_on_the_item_again() {
		this.fixture
			.given(meetingScheduled(), strategyItem(), attached("https://documents.example/plan.pdf"),
					new DocumentRemoved(MEETING, ITEM_4, "https://documents.example/plan.pdf", null),
					new DocumentAttached(MEETING, ITEM_4,
							new DocumentRef("Planen, reviderad", "https://documents.example/plan.pdf")))
			.when(new RemoveDocument(MEETING, ITEM_4, "https://documents.example/plan.pdf", null))
			.expectEvents(new DocumentRemoved(MEETING, ITEM_4, "https://documents.example/plan.pdf", null));
	}

	@Test
	void a_document_of_adjusted_minutes_is_not_taken_off() {
		List<Object> history = new java.util.ArrayList<>(adjustedMeeting());
		history.add(2, attached("https://documents.example/plan.pdf"));
		this.fixture.given(history)
			.when(new RemoveDocument(MEETING, ITEM_4, "https://documents.example/plan.pdf", null))
			.expectException(refusedWith(ErrorCode.MINUTES_ADJUSTED))
			.expectNoEvents();
	}

	private static DocumentAttached attached(String uri) {
		return new DocumentAttached(MEETING, ITEM_4, new DocumentRef("Planen", uri));
	}

	private static List<Object> adjustedMeeting() {
		return List.of(meetingScheduled(), strategyItem(), new MeetingOpened(MEETING), new MeetingClosed(MEETING),
				new MinutesAdjusted(MEETING, LocalDate.of(2025, 1, 30), List.of()));
	}

	private static TakeDecision decisionUnderItem4() {
		return new TakeDecision(MEETING, DecisionId.of("d-4"), ITEM_4, null, DecisionKind.HAND_OUT_ASSIGNMENT,
				"Deepa får fortsatt uppdrag att återkomma med ett förslag");
	}

}
