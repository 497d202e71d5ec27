package org.matterflow.command.assignment;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.matterflow.command.common.UnknownReference;
import org.matterflow.command.infrastructure.FirstComponentTargetResolver;
import org.matterflow.command.infrastructure.RecordMetadataConfiguration;
import org.matterflow.command.testing.KnownRecord;
import org.matterflow.kernel.ErrorCode;
import org.matterflow.kernel.assignment.*;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.matter.MatterId;
import org.matterflow.kernel.meeting.AgendaItemId;
import org.matterflow.kernel.meeting.MeetingId;
import org.matterflow.kernel.meeting.MeetingTime;

import static org.matterflow.command.testing.Refusal.refusedWith;

class AssignmentAggregateTest {

	private static final AssignmentId ASSIGNMENT = AssignmentId.of("a-deepa");

	private static final BodyId MANAGEMENT = BodyId.of("chefsgrupp-folkhalsa");

	private static final MeetingId JANUARY = MeetingId.of("chefsgrupp-2025-01-22");

	private static final MeetingId MAY = MeetingId.of("chefsgrupp-2025-05-22");

	private static final AgendaItemId ITEM_4 = AgendaItemId.of("4");

	private static final MatterId STRATEGY = MatterId.of("foraldraskapsstodsstrategin");

	private static final List<Assignee> DEEPA = List.of(Assignee.person("deepa", "Deepa Singhru"));

	private static final Due BY_MAY = Due.on(LocalDate.of(2025, 5, 21));

	private static final AssignmentHandedOut HANDED_OUT = new AssignmentHandedOut(ASSIGNMENT, MANAGEMENT, JANUARY,
			ITEM_4, STRATEGY, DEEPA, "återkomma med förslag på arbetsgrupp", BY_MAY, AssignmentKind.TASK);

	private static final java.time.Instant JANUARY_22 = LocalDate.of(2025, 1, 22)
		.atTime(16, 30)
		.atZone(MeetingTime.ZONE)
		.toInstant();

	private FixtureConfiguration<AssignmentAggregate> fixture;

	private KnownRecord record;

	@BeforeEach
	void setUp() {
		this.record = new KnownRecord().body(MANAGEMENT)
			.meetingInSession(JANUARY, MANAGEMENT, LocalDate.of(2025, 1, 22), STRATEGY)
			.meetingInSession(MAY, MANAGEMENT, LocalDate.of(2025, 5, 22), null);
		this.fixture = new AggregateTestFixture<>(AssignmentAggregate.class)
			.registerCommandTargetResolver(new FirstComponentTargetResolver())
			.registerInjectableResource(this.record);
	}

	@Test
	void an_assignment_is_handed_out_by_the_body_of_the_meeting_about_the_matter_of_its_item() {
		this.fixture.givenCurrentTime(JANUARY_22)
			.when(handOut(BY_MAY))
			.expectEvents(HANDED_OUT)
			.expectScheduledDeadline(LocalDate.of(2025, 5, 22).atStartOfDay(MeetingTime.ZONE).toInstant(),
					LocalDate.of(2025, 5, 21));
	}

	@Test
	void an_assignment_handed_out_at_a_meeting_known_only_to_its_year_takes_effect_in_that_year() {
		MeetingId council = MeetingId.of("radet-folkhalsa-2024");
		this.record.meetingInSession(council, MANAGEMENT, LocalDate.of(2024, 1, 1), MeetingTime.DatePrecision.YEAR,
				null);
		this.fixture.givenCurrentTime(JANUARY_22)
			.when(new HandOutAssignment(ASSIGNMENT, council, ITEM_4, null, DEEPA, "planera temat",
					Due.atNextMeetingOf(MANAGEMENT), AssignmentKind.TASK))
			.expectEventsMatching(oneEventTakingEffectOn("2024-01-01", "YEAR"));
	}

	@Test
	void an_assignment_handed_out_at_a_meeting_takes_effect_on_its_day_whatever_date_the_command_carried() {
		this.fixture.registerCommandHandlerInterceptor(
				new CorrelationDataInterceptor<>(RecordMetadataConfiguration::correlationDataFor));
		this.fixture.givenCurrentTime(JANUARY_22)
			.when(handOut(BY_MAY), java.util.Map.of("businessDate", "2024-01-01", "businessDatePrecision", "YEAR"))
			.expectEventsMatching(oneEventTakingEffectOn("2025-01-22", "DAY"));
	}

	@Test
	void an_assignment_due_at_a_meeting_without_a_date_has_no_deadline() {
		Due atNextMeeting = Due.atNextMeetingOf(MANAGEMENT);
		this.fixture.givenNoPriorActivity()
			.when(handOut(atNextMeeting))
			.expectEvents(new AssignmentHandedOut(ASSIGNMENT, MANAGEMENT, JANUARY, ITEM_4, STRATEGY, DEEPA,
					"återkomma med förslag på arbetsgrupp", atNextMeeting, AssignmentKind.TASK))
			.expectNoScheduledDeadlines();
	}

	@Test
	void an_assignment_due_at_a_meeting_not_on_the_calendar_is_refused_since_nothing_would_make_it_overdue() {
		this.fixture.givenNoPriorActivity()
			.when(handOut(new Due(null, null, MeetingId.of("radet-2025-03-21"))))
			.expectException(UnknownReference.class)
			.expectNoEvents();
	}

	@Test
	void an_assignment_due_at_a_cancelled_meeting_is_refused() {
		MeetingId march = MeetingId.of("chefsgrupp-2025-03-19");
		this.record.cancelledMeeting(march);
		this.fixture.givenNoPriorActivity()
			.when(handOut(new Due(null, null, march)))
			.expectException(refusedWith(ErrorCode.MEETING_CANCELLED))
			.expectNoEvents();
	}

	@Test
	void an_assignment_due_at_a_meeting_scheduled_but_not_yet_held_is_handed_out() {
		MeetingId march = MeetingId.of("chefsgrupp-2025-03-19");
		this.record.scheduledMeeting(march);
		Due atMarch = new Due(null, null, march);
		this.fixture.givenNoPriorActivity()
			.when(handOut(atMarch))
			.expectEvents(new AssignmentHandedOut(ASSIGNMENT, MANAGEMENT, JANUARY, ITEM_4, STRATEGY, DEEPA,
					"återkomma med förslag på arbetsgrupp", atMarch, AssignmentKind.TASK));
	}

	@Test
	void an_assignment_due_before_the_meeting_that_hands_it_out_is_refused() {
		this.fixture.givenNoPriorActivity()
			.when(handOut(Due.on(LocalDate.of(2024, 5, 21))))
			.expectException(refusedWith(ErrorCode.RULE_BROKEN))
			.expectExceptionMessage(org.hamcrest.Matchers
				.containsString("handed out on 2025-01-22 cannot be due on 2024-05-21, before it"))
			.expectNoEvents();
	}

	@Test
	void an_assignment_due_on_the_day_of_the_meeting_that_hands_it_out_is_handed_out() {
		Due sameDay = Due.on(LocalDate.of(2025, 1, 22));
		this.fixture.givenNoPriorActivity()
			.when(handOut(sameDay))
			.expectEvents(new AssignmentHandedOut(ASSIGNMENT, MANAGEMENT, JANUARY, ITEM_4, STRATEGY, DEEPA,
					"återkomma med förslag på arbetsgrupp", sameDay, AssignmentKind.TASK));
	}

	@Test
	void an_assignment_due_at_a_meeting_held_before_the_one_that_hands_it_out_is_refused() {
		MeetingId december = MeetingId.of("chefsgrupp-2024-12-11");
		this.record.scheduledMeeting(december, LocalDate.of(2024, 12, 11));
		this.fixture.givenNoPriorActivity()
			.when(handOut(new Due(null, null, december)))
			.expectException(refusedWith(ErrorCode.RULE_BROKEN))
			.expectExceptionMessage(org.hamcrest.Matchers.containsString("of 2024-12-11, before it"))
			.expectNoEvents();
	}

	@Test
	void a_due_moved_before_the_meeting_that_handed_out_the_assignment_is_refused() {
		this.fixture.givenCommands(handOut(BY_MAY))
			.when(new ChangeAssignmentDueDate(ASSIGNMENT, Due.on(LocalDate.of(2024, 6, 30)), "skrivfel"))
			.expectException(refusedWith(ErrorCode.RULE_BROKEN))
			.expectNoEvents();
	}

	@Test
	void an_assignment_due_at_the_next_meeting_of_an_unknown_body_is_refused() {
		this.fixture.givenNoPriorActivity()
			.when(handOut(Due.atNextMeetingOf(BodyId.of("arbetsgrupp-x"))))
			.expectException(UnknownReference.class)
			.expectNoEvents();
	}

	@Test
	void a_due_moved_to_a_meeting_not_on_the_calendar_is_refused() {
		this.fixture.given(HANDED_OUT)
			.when(new ChangeAssignmentDueDate(ASSIGNMENT, new Due(null, null, MeetingId.of("radet-2025-03-21")),
					"tas upp på rådet"))
			.expectException(UnknownReference.class)
			.expectNoEvents();
	}

	@Test
	void an_assignment_at_a_cancelled_meeting_is_refused() {
		this.record.cancelledMeeting(JANUARY);
		this.fixture.givenNoPriorActivity()
			.when(handOut(BY_MAY))
			.expectException(refusedWith(ErrorCode.MEETING_CANCELLED))
			.expectNoEvents();
	}

	@Test
	void an_assignment_to_an_unknown_body_is_refused() {
		this.fixture.givenNoPriorActivity()
			.when(new HandOutAssignment(ASSIGNMENT, JANUARY, ITEM_4, null,
					List.of(Assignee.body("arbetsgrupp-x", null)), "återkomma med budget", BY_MAY, AssignmentKind.TASK))
			.expectException(UnknownReference.class)
			.expectNoEvents();
	}

	@Test
	void handing_out_the_same_assignment_twice_changes_nothing() {
		this.fixture.given(HANDED_OUT).when(handOut(BY_MAY)).expectSuccessfulHandlerExecution().expectNoEvents();
	}

	@Test
	void another_assignment_under_a_taken_id_is_refused() {
		this.fixture.given(HANDED_OUT)
			.when(new HandOutAssignment(ASSIGNMENT, JANUARY, ITEM_4, null, DEEPA, "något annat", BY_MAY,
					AssignmentKind.TASK))
			.expectException(refusedWith(ErrorCode.DUPLICATE_ID))
			.expectNoEvents();
	}

	@Test
	void an_assignment_is_reported_back_at_a_meeting() {
		this.fixture.given(HANDED_OUT)
			.when(new ReportBackAssignment(ASSIGNMENT, MAY, null, "förslag på arbetsgrupp presenterades"))
			.expectEvents(new AssignmentReportedBack(ASSIGNMENT, MAY, null, "förslag på arbetsgrupp presenterades"));
	}

	@Test
	void an_assignment_is_not_reported_back_at_a_meeting_before_the_one_that_handed_it_out() {
		MeetingId december = MeetingId.of("chefsgrupp-2024-12-11");
		this.record.meetingInSession(december, MANAGEMENT, LocalDate.of(2024, 12, 11), null);
		this.fixture.givenCommands(handOut(BY_MAY))
			.when(new ReportBackAssignment(ASSIGNMENT, december, null, "förslag på arbetsgrupp presenterades"))
			.expectException(refusedWith(ErrorCode.RULE_BROKEN))
			.expectExceptionMessage(org.hamcrest.Matchers.containsString("of 2024-12-11, before it"))
			.expectNoEvents();
	}

	@Test
	void an_assignment_is_completed_once() {
		this.fixture.given(HANDED_OUT, new AssignmentCompleted(ASSIGNMENT, "klart"))
			.when(new CompleteAssignment(ASSIGNMENT, "klart igen"))
			.expectException(refusedWith(ErrorCode.ASSIGNMENT_FINISHED))
			.expectNoEvents();
	}

	@Test
	void recording_the_same_completion_again_changes_nothing() {
		this.fixture.given(HANDED_OUT, new AssignmentCompleted(ASSIGNMENT, "klart"))
			.when(new CompleteAssignment(ASSIGNMENT, "klart"))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void a_report_back_recorded_again_after_completion_changes_nothing() {
		AssignmentReportedBack report = new AssignmentReportedBack(ASSIGNMENT, MAY, null,
				"förslag på arbetsgrupp presenterades");
		this.fixture.given(HANDED_OUT, report, new AssignmentCompleted(ASSIGNMENT, null))
			.when(new ReportBackAssignment(ASSIGNMENT, MAY, null, "förslag på arbetsgrupp presenterades"))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void a_withdrawn_assignment_is_not_completed() {
		this.fixture.given(HANDED_OUT, new AssignmentWithdrawn(ASSIGNMENT, "inte längre aktuellt"))
			.when(new CompleteAssignment(ASSIGNMENT, null))
			.expectException(refusedWith(ErrorCode.ASSIGNMENT_FINISHED))
			.expectNoEvents();
	}

	@Test
	void an_assignment_is_given_to_a_whole_body() {
		BodyId group = BodyId.of("arbetsgrupp-samverkansplan");
		this.record.body(group);
		List<Assignee> toGroup = List.of(Assignee.body(group.value(), "Arbetsgruppen"));
		this.fixture.given(HANDED_OUT)
			.when(new ReassignAssignment(ASSIGNMENT, toGroup, "arbetsgruppen tar över"))
			.expectEvents(new AssignmentReassigned(ASSIGNMENT, toGroup, "arbetsgruppen tar över"));
	}

	@Test
	void an_assignment_becomes_overdue_when_its_day_passes_without_a_report_back() {
		this.fixture.givenCurrentTime(JANUARY_22)
			.andGivenCommands(handOut(BY_MAY))
			.whenTimeAdvancesTo(LocalDate.of(2025, 5, 23).atStartOfDay(MeetingTime.ZONE).toInstant())
			.expectEvents(new AssignmentBecameOverdue(ASSIGNMENT, LocalDate.of(2025, 5, 21)));
	}

	@Test
	void an_assignment_reported_back_in_time_does_not_become_overdue() {
		this.fixture.givenCurrentTime(JANUARY_22)
			.andGivenCommands(handOut(BY_MAY), new ReportBackAssignment(ASSIGNMENT, MAY, null, "klart"))
			.whenTimeAdvancesTo(LocalDate.of(2025, 5, 23).atStartOfDay(MeetingTime.ZONE).toInstant())
			.expectNoEvents();
	}

	@Test
	void a_deadline_set_for_an_earlier_due_date_changes_nothing() {
		Due byJune = Due.on(LocalDate.of(2025, 6, 30));
		this.fixture.givenCurrentTime(JANUARY_22)
			.andGivenCommands(handOut(BY_MAY), new ChangeAssignmentDueDate(ASSIGNMENT, byJune, "mer tid behövs"))
			.whenTimeAdvancesTo(LocalDate.of(2025, 5, 23).atStartOfDay(MeetingTime.ZONE).toInstant())
			.expectNoEvents();
	}

	@Test
	void changing_the_due_date_schedules_a_new_deadline() {
		Due byJune = Due.on(LocalDate.of(2025, 6, 30));
		this.fixture.given(HANDED_OUT)
			.andGivenCurrentTime(JANUARY_22)
			.when(new ChangeAssignmentDueDate(ASSIGNMENT, byJune, "mer tid behövs"))
			.expectEvents(new AssignmentDueDateChanged(ASSIGNMENT, BY_MAY, byJune, "mer tid behövs"))
			.expectScheduledDeadline(LocalDate.of(2025, 7, 1).atStartOfDay(MeetingTime.ZONE).toInstant(),
					LocalDate.of(2025, 6, 30));
	}

	private static final Due AT_NEXT_MEETING = Due.atNextMeetingOf(MANAGEMENT);

	private static final AssignmentHandedOut HANDED_OUT_FOR_NEXT_MEETING = new AssignmentHandedOut(ASSIGNMENT,
			MANAGEMENT, JANUARY, ITEM_4, STRATEGY, DEEPA, "återkomma med förslag på arbetsgrupp", AT_NEXT_MEETING,
			AssignmentKind.TASK);

	private static final LocalDate MAY_22 = LocalDate.of(2025, 5, 22);

	@Test
	void an_assignment_due_at_the_next_meeting_of_a_body_becomes_overdue_when_that_meeting_is_held_without_its_report() {
		this.fixture.given(HANDED_OUT_FOR_NEXT_MEETING)
			.when(new MarkAssignmentOverdue(ASSIGNMENT, MAY, MANAGEMENT, MAY_22))
			.expectEvents(new AssignmentBecameOverdue(ASSIGNMENT, MAY_22));
	}

	@Test
	void an_assignment_reported_back_does_not_become_overdue_when_its_meeting_is_held() {
		this.fixture
			.given(HANDED_OUT_FOR_NEXT_MEETING,
					new AssignmentReportedBack(ASSIGNMENT, MAY, null, "förslag på arbetsgrupp presenterades"))
			.when(new MarkAssignmentOverdue(ASSIGNMENT, MAY, MANAGEMENT, MAY_22))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void the_meeting_that_handed_an_assignment_out_is_not_its_next_meeting() {
		this.fixture.given(HANDED_OUT_FOR_NEXT_MEETING)
			.when(new MarkAssignmentOverdue(ASSIGNMENT, JANUARY, MANAGEMENT, LocalDate.of(2025, 1, 22)))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void an_assignment_whose_due_has_changed_to_a_date_does_not_become_overdue_at_the_meeting() {
		this.fixture
			.given(HANDED_OUT_FOR_NEXT_MEETING,
					new AssignmentDueDateChanged(ASSIGNMENT, AT_NEXT_MEETING, BY_MAY, "datum satt"))
			.when(new MarkAssignmentOverdue(ASSIGNMENT, MAY, MANAGEMENT, MAY_22))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void a_meeting_of_another_body_does_not_make_an_assignment_overdue() {
		this.fixture.given(HANDED_OUT_FOR_NEXT_MEETING)
			.when(new MarkAssignmentOverdue(ASSIGNMENT, MAY, BodyId.of("radet-folkhalsa"), MAY_22))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void an_assignment_becomes_overdue_once_for_its_due_whatever_meetings_follow() {
		this.fixture.given(HANDED_OUT_FOR_NEXT_MEETING, new AssignmentBecameOverdue(ASSIGNMENT, MAY_22))
			.when(new MarkAssignmentOverdue(ASSIGNMENT, MeetingId.of("chefsgrupp-2025-09-18"), MANAGEMENT,
					LocalDate.of(2025, 9, 18)))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void an_assignment_due_at_a_named_meeting_without_a_date_becomes_overdue_when_that_meeting_is_held() {
		Due atMay = new Due(null, null, MAY);
		this.fixture
			.given(new AssignmentHandedOut(ASSIGNMENT, MANAGEMENT, JANUARY, ITEM_4, STRATEGY, DEEPA,
					"återkomma med förslag på arbetsgrupp", atMay, AssignmentKind.TASK))
			.when(new MarkAssignmentOverdue(ASSIGNMENT, MAY, MANAGEMENT, MAY_22))
			.expectEvents(new AssignmentBecameOverdue(ASSIGNMENT, MAY_22));
	}

	@Test
	void a_completed_assignment_does_not_become_overdue() {
		this.fixture.given(HANDED_OUT_FOR_NEXT_MEETING, new AssignmentCompleted(ASSIGNMENT, "klart"))
			.when(new MarkAssignmentOverdue(ASSIGNMENT, MAY, MANAGEMENT, MAY_22))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void an_assignment_is_revised_while_the_minutes_are_written() {
		this.fixture.given(HANDED_OUT)
			.when(new ReviseAssignment(ASSIGNMENT, "återkomma med förslag på arbetsgrupp och budget",
					"budget saknades"))
			.expectEvents(new AssignmentRevised(ASSIGNMENT, "återkomma med förslag på arbetsgrupp och budget",
					"budget saknades"));
	}

	@Test
	void revising_an_assignment_to_what_it_reads_changes_nothing() {
		this.fixture
			.given(HANDED_OUT,
					new AssignmentRevised(ASSIGNMENT, "återkomma med förslag på arbetsgrupp och budget", null))
			.when(new ReviseAssignment(ASSIGNMENT, "återkomma med förslag på arbetsgrupp och budget", null))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void a_revised_assignment_handed_out_again_as_it_was_changes_nothing() {
		this.fixture
			.given(HANDED_OUT,
					new AssignmentRevised(ASSIGNMENT, "återkomma med förslag på arbetsgrupp och budget", null))
			.when(handOut(BY_MAY))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void a_completed_assignment_is_revised_too() {
		this.fixture.given(HANDED_OUT, new AssignmentCompleted(ASSIGNMENT, "klart"))
			.when(new ReviseAssignment(ASSIGNMENT, "återkomma med förslag på arbetsgrupp och budget", null))
			.expectEvents(new AssignmentRevised(ASSIGNMENT, "återkomma med förslag på arbetsgrupp och budget", null));
	}

	@Test
	void an_assignment_handed_out_at_a_meeting_on_the_first_of_a_month_names_its_day_as_known_to_the_day() {
		MeetingId september = MeetingId.of("lg-2025-09-01");
		this.record.meetingInSession(september, MANAGEMENT, LocalDate.of(2025, 9, 1), null);
		this.fixture.givenCurrentTime(LocalDate.of(2025, 9, 1).atTime(16, 30).atZone(MeetingTime.ZONE).toInstant())
			.when(new HandOutAssignment(ASSIGNMENT, september, ITEM_4, null, DEEPA, "planera temat",
					Due.on(LocalDate.of(2025, 10, 15)), AssignmentKind.TASK))
			.expectEventsMatching(oneEventTakingEffectOn("2025-09-01", "DAY"));
	}

	@Test
	void an_assignment_handed_out_at_a_meeting_whose_minutes_are_adjusted_is_corrected_not_revised() {
		this.record.adjustedMeeting(JANUARY, MANAGEMENT, LocalDate.of(2025, 1, 22));
		this.fixture.given(HANDED_OUT)
			.when(new ReviseAssignment(ASSIGNMENT, "återkomma med förslag på arbetsgrupp och budget", null))
			.expectException(refusedWith(ErrorCode.MINUTES_ADJUSTED))
			.expectNoEvents();
	}

	/** One event, whose metadata dates it to the day and precision given. */
	private static org.hamcrest.Matcher<java.util.List<EventMessage<?>>> oneEventTakingEffectOn(String date,
			String precision) {
		return Matchers
			.exactSequenceOf(
					Matchers.predicate((EventMessage<?> event) -> date.equals(event.getMetaData().get("businessDate"))
							&& precision.equals(event.getMetaData().get("businessDatePrecision"))),
					Matchers.andNoMore());
	}

	private static HandOutAssignment handOut(Due due) {
		return new HandOutAssignment(ASSIGNMENT, JANUARY, ITEM_4, null, DEEPA, "återkomma med förslag på arbetsgrupp",
				due, AssignmentKind.TASK);
	}

}
