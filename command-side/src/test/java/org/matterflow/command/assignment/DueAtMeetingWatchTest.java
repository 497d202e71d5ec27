package org.matterflow.command.assignment;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.saga.ContinuedGivenState;
import org.axonframework.test.saga.FixtureConfiguration;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.matterflow.command.common.RecordMetadata;
import org.matterflow.kernel.assignment.Assignee;
import org.matterflow.kernel.assignment.AssignmentHandedOut;
import org.matterflow.kernel.assignment.AssignmentId;
import org.matterflow.kernel.assignment.AssignmentKind;
import org.matterflow.kernel.assignment.AssignmentReportedBack;
import org.matterflow.kernel.assignment.AssignmentWithdrawn;
import org.matterflow.kernel.assignment.Due;
import org.matterflow.kernel.assignment.MarkAssignmentOverdue;
import org.matterflow.kernel.body.BodyDissolved;
import org.matterflow.kernel.body.BodyEstablished;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.body.BodyKind;
import org.matterflow.kernel.matter.MatterId;
import org.matterflow.kernel.meeting.AgendaItemId;
import org.matterflow.kernel.meeting.CancelMeetingOfDissolvedBody;
import org.matterflow.kernel.meeting.MeetingCancelled;
import org.matterflow.kernel.meeting.MeetingClosed;
import org.matterflow.kernel.meeting.MeetingId;
import org.matterflow.kernel.meeting.MeetingMode;
import org.matterflow.kernel.meeting.MeetingRescheduled;
import org.matterflow.kernel.meeting.MeetingScheduled;
import org.matterflow.kernel.meeting.MeetingTime;

/**
 * The process manager that tells an assignment due at a meeting that the meeting was
 * held: the first meeting of the body held after the day it was handed out, or the
 * meeting it names.
 */
class DueAtMeetingWatchTest {

	private static final BodyId GROUP = BodyId.of("chefsgrupp-folkhalsa");

	private static final MeetingId JANUARY = MeetingId.of("chefsgrupp-2025-01-22");

	private static final MeetingId MARCH = MeetingId.of("chefsgrupp-2025-03-19");

	private static final MeetingId MAY = MeetingId.of("chefsgrupp-2025-05-22");

	private static final AssignmentId ASSIGNMENT = AssignmentId.of("a-deepa");

	private static final LocalDate JANUARY_22 = LocalDate.of(2025, 1, 22);

	private static final LocalDate MARCH_19 = LocalDate.of(2025, 3, 19);

	private static final LocalDate MAY_22 = LocalDate.of(2025, 5, 22);

	private static final Map<MeetingId, LocalDate> DATES = Map.of(JANUARY, JANUARY_22, MARCH, MARCH_19, MAY, MAY_22);

	private FixtureConfiguration fixture;

	@BeforeEach
	void setUp() {
		this.fixture = new SagaTestFixture<>(DueAtMeetingWatch.class);
	}

	@Test
	void an_assignment_due_at_the_next_meeting_is_marked_when_the_body_holds_its_next_meeting() {
		calendar(JANUARY, MARCH).andThenAggregate(ASSIGNMENT.toString())
			.published(handedOut(Due.atNextMeetingOf(GROUP)))
			.andThenAggregate(JANUARY.toString())
			.published(new MeetingClosed(JANUARY))
			.whenAggregate(MARCH.toString())
			.publishes(new MeetingClosed(MARCH))
			.expectDispatchedCommands(new MarkAssignmentOverdue(ASSIGNMENT, MARCH, GROUP, MARCH_19));
	}

	@Test
	void a_meeting_on_the_calendar_whose_record_was_never_closed_was_the_next_meeting_all_the_same() {
		calendar(MARCH, MAY).andThenAggregate(ASSIGNMENT.toString())
			.published(handedOut(Due.atNextMeetingOf(GROUP)))
			.whenAggregate(MAY.toString())
			.publishes(new MeetingClosed(MAY))
			.expectDispatchedCommands(new MarkAssignmentOverdue(ASSIGNMENT, MARCH, GROUP, MARCH_19));
	}

	@Test
	void the_meeting_that_hands_an_assignment_out_is_not_its_next_meeting() {
		calendar(JANUARY).andThenAggregate(ASSIGNMENT.toString())
			.published(handedOut(Due.atNextMeetingOf(GROUP)))
			.whenAggregate(JANUARY.toString())
			.publishes(new MeetingClosed(JANUARY))
			.expectNoDispatchedCommands();
	}

	@Test
	void a_meeting_scheduled_after_the_hand_out_is_the_next_meeting_on_the_date_it_was_moved_to() {
		LocalDate march26 = LocalDate.of(2025, 3, 26);
		calendar().andThenAggregate(ASSIGNMENT.toString())
			.published(handedOut(Due.atNextMeetingOf(GROUP)))
			.andThenAggregate(MARCH.toString())
			.published(scheduled(MARCH, MARCH_19),
					new MeetingRescheduled(MARCH, new MeetingTime(MARCH_19, null, null),
							new MeetingTime(march26, null, null), null, false, "krock med budgetdagen"))
			.whenAggregate(MARCH.toString())
			.publishes(new MeetingClosed(MARCH))
			.expectDispatchedCommands(new MarkAssignmentOverdue(ASSIGNMENT, MARCH, GROUP, march26));
	}

	@Test
	void an_assignment_reported_back_is_not_marked() {
		calendar(MARCH).andThenAggregate(ASSIGNMENT.toString())
			.published(handedOut(Due.atNextMeetingOf(GROUP)),
					new AssignmentReportedBack(ASSIGNMENT, MARCH, null, "förslag presenterades"))
			.whenAggregate(MARCH.toString())
			.publishes(new MeetingClosed(MARCH))
			.expectNoDispatchedCommands();
	}

	@Test
	void a_cancelled_meeting_is_not_held_and_the_next_one_is() {
		calendar().andThenAggregate(MARCH.toString())
			.published(scheduled(MARCH, MARCH_19), new MeetingCancelled(MARCH, "inställt"))
			.andThenAggregate(MAY.toString())
			.published(scheduled(MAY, MAY_22))
			.andThenAggregate(ASSIGNMENT.toString())
			.published(handedOut(Due.atNextMeetingOf(GROUP)))
			.whenAggregate(MAY.toString())
			.publishes(new MeetingClosed(MAY))
			.expectDispatchedCommands(new MarkAssignmentOverdue(ASSIGNMENT, MAY, GROUP, MAY_22));
	}

	@Test
	void an_assignment_due_at_a_named_meeting_is_marked_when_that_meeting_is_held_and_not_before() {
		calendar(MARCH, MAY).andThenAggregate(ASSIGNMENT.toString())
			.published(handedOut(new Due(null, null, MAY)))
			.andThenAggregate(MARCH.toString())
			.published(new MeetingClosed(MARCH))
			.whenAggregate(MAY.toString())
			.publishes(new MeetingClosed(MAY))
			.expectDispatchedCommands(new MarkAssignmentOverdue(ASSIGNMENT, MAY, GROUP, MAY_22));
	}

	@Test
	void an_assignment_due_at_a_named_meeting_whose_record_was_never_closed_is_marked_when_a_later_one_is() {
		calendar(MARCH, MAY).andThenAggregate(ASSIGNMENT.toString())
			.published(handedOut(new Due(null, null, MARCH)))
			.whenAggregate(MAY.toString())
			.publishes(new MeetingClosed(MAY))
			.expectDispatchedCommands(new MarkAssignmentOverdue(ASSIGNMENT, MARCH, GROUP, MARCH_19));
	}

	@Test
	void an_assignment_with_a_date_is_left_to_its_deadline() {
		calendar(MARCH).andThenAggregate(ASSIGNMENT.toString())
			.published(handedOut(Due.on(LocalDate.of(2025, 3, 1))))
			.whenAggregate(MARCH.toString())
			.publishes(new MeetingClosed(MARCH))
			.expectNoDispatchedCommands();
	}

	@Test
	void a_meeting_of_another_body_does_not_count() {
		BodyId council = BodyId.of("radet-folkhalsa");
		MeetingId councilMeeting = MeetingId.of("radet-2025-03-05");
		calendar().andThenAggregate(council.toString())
			.published(new BodyEstablished(council, "Rådet för folkhälsa", BodyKind.COUNCIL, null, null, null))
			.andThenAggregate(councilMeeting.toString())
			.published(new MeetingScheduled(councilMeeting, council,
					new MeetingTime(LocalDate.of(2025, 3, 5), null, null), null, MeetingMode.IN_PERSON, false, null))
			.andThenAggregate(ASSIGNMENT.toString())
			.published(handedOut(Due.atNextMeetingOf(GROUP)))
			.whenAggregate(councilMeeting.toString())
			.publishes(new MeetingClosed(councilMeeting))
			.expectNoDispatchedCommands();
	}

	/** The management group established, with these of its meetings on the calendar. */
	@Test
	void the_meetings_of_a_dissolved_body_after_its_end_are_cancelled() {
		LocalDate february28 = LocalDate.of(2025, 2, 28);
		calendar(JANUARY, MARCH, MAY).whenAggregate(GROUP.toString())
			.publishes(new BodyDissolved(GROUP, february28, "ersätts av gemensam chefsgrupp"))
			.expectDispatchedCommands(
					new CancelMeetingOfDissolvedBody(MARCH, GROUP, february28, "ersätts av gemensam chefsgrupp"),
					new CancelMeetingOfDissolvedBody(MAY, GROUP, february28, "ersätts av gemensam chefsgrupp"));
	}

	@Test
	void a_meeting_held_before_the_body_was_dissolved_is_not_cancelled() {
		calendar(JANUARY, MARCH).andThenAggregate(MARCH.toString())
			.published(new MeetingClosed(MARCH))
			.whenAggregate(GROUP.toString())
			.publishes(new BodyDissolved(GROUP, MARCH_19, null))
			.expectNoDispatchedCommands();
	}

	@Test
	void the_last_meeting_of_a_dissolved_body_closed_after_the_dissolution_still_makes_an_assignment_overdue() {
		LocalDate march31 = LocalDate.of(2025, 3, 31);
		calendar(JANUARY, MARCH).andThenAggregate(ASSIGNMENT.toString())
			.published(handedOut(Due.atNextMeetingOf(GROUP)))
			.andThenAggregate(JANUARY.toString())
			.published(new MeetingClosed(JANUARY))
			.andThenAggregate(GROUP.toString())
			.published(new BodyDissolved(GROUP, march31, "uppdraget slutfört"))
			.whenAggregate(MARCH.toString())
			.publishes(new MeetingClosed(MARCH))
			.expectDispatchedCommands(new MarkAssignmentOverdue(ASSIGNMENT, MARCH, GROUP, MARCH_19))
			.expectActiveSagas(0);
	}

	@Test
	void the_watch_of_a_dissolved_body_lasts_while_a_meeting_up_to_its_last_day_may_still_be_closed() {
		calendar(JANUARY, MARCH).andThenAggregate(JANUARY.toString())
			.published(new MeetingClosed(JANUARY))
			.whenAggregate(GROUP.toString())
			.publishes(new BodyDissolved(GROUP, LocalDate.of(2025, 3, 31), null))
			.expectNoDispatchedCommands()
			.expectActiveSagas(1);
	}

	@Test
	void the_watch_of_a_dissolved_body_ends_when_none_of_its_meetings_is_left_to_close() {
		calendar(JANUARY, MARCH).andThenAggregate(JANUARY.toString())
			.published(new MeetingClosed(JANUARY))
			.andThenAggregate(MARCH.toString())
			.published(new MeetingClosed(MARCH))
			.whenAggregate(GROUP.toString())
			.publishes(new BodyDissolved(GROUP, LocalDate.of(2025, 3, 31), null))
			.expectNoDispatchedCommands()
			.expectActiveSagas(0);
	}

	@Test
	void the_watch_of_a_dissolved_body_ends_once_its_meetings_after_the_dissolution_are_cancelled() {
		LocalDate february28 = LocalDate.of(2025, 2, 28);
		calendar(JANUARY, MARCH).andThenAggregate(JANUARY.toString())
			.published(new MeetingClosed(JANUARY))
			.andThenAggregate(GROUP.toString())
			.published(new BodyDissolved(GROUP, february28, null))
			.whenAggregate(MARCH.toString())
			.publishes(new MeetingCancelled(MARCH, "the body was dissolved on 2025-02-28"))
			.expectActiveSagas(0);
	}

	@Test
	void a_meeting_up_to_the_dissolution_entered_after_the_last_one_was_closed_still_makes_an_assignment_overdue() {
		MeetingId february = MeetingId.of("chefsgrupp-2025-02-12");
		LocalDate february12 = LocalDate.of(2025, 2, 12);
		waitingAtTheNextMeeting().andThenAggregate(GROUP.toString())
			.published(new BodyDissolved(GROUP, LocalDate.of(2025, 2, 28), null))
			.andThenAggregate(february.toString())
			.published(scheduled(february, february12))
			.whenAggregate(february.toString())
			.publishes(new MeetingClosed(february))
			.expectDispatchedCommands(new MarkAssignmentOverdue(ASSIGNMENT, february, GROUP, february12))
			.expectActiveSagas(0);
	}

	@Test
	void the_watch_of_a_dissolved_body_lasts_while_an_assignment_waits_at_its_next_meeting() {
		waitingAtTheNextMeeting().whenAggregate(GROUP.toString())
			.publishes(new BodyDissolved(GROUP, LocalDate.of(2025, 2, 28), null))
			.expectNoDispatchedCommands()
			.expectActiveSagas(1);
	}

	@Test
	void the_watch_of_a_dissolved_body_ends_when_the_last_assignment_waiting_at_it_is_withdrawn() {
		waitingAtTheNextMeeting().andThenAggregate(GROUP.toString())
			.published(new BodyDissolved(GROUP, LocalDate.of(2025, 2, 28), null))
			.whenAggregate(ASSIGNMENT.toString())
			.publishes(new AssignmentWithdrawn(ASSIGNMENT, "gruppen upplöst"))
			.expectNoDispatchedCommands()
			.expectActiveSagas(0);
	}

	/**
	 * An assignment handed out in January, due at the body's next meeting, with no
	 * meeting after January on the calendar.
	 */
	private ContinuedGivenState waitingAtTheNextMeeting() {
		return calendar(JANUARY).andThenAggregate(ASSIGNMENT.toString())
			.published(handedOut(Due.atNextMeetingOf(GROUP)))
			.andThenAggregate(JANUARY.toString())
			.published(new MeetingClosed(JANUARY));
	}

	private ContinuedGivenState calendar(MeetingId... meetings) {
		ContinuedGivenState given = this.fixture.givenAggregate(GROUP.toString()).published(established());
		for (MeetingId meeting : meetings) {
			given = given.andThenAggregate(meeting.toString()).published(scheduled(meeting, DATES.get(meeting)));
		}
		return given;
	}

	private static BodyEstablished established() {
		return new BodyEstablished(GROUP, "Chefsgrupp folkhälsa", BodyKind.MANAGEMENT_GROUP, null, null, null);
	}

	private static MeetingScheduled scheduled(MeetingId meeting, LocalDate date) {
		return new MeetingScheduled(meeting, GROUP, new MeetingTime(date, null, null), null, MeetingMode.IN_PERSON,
				false, null);
	}

	/** Handed out at the January meeting, on its day. */
	private static Object handedOut(Due due) {
		return GenericEventMessage
			.asEventMessage(new AssignmentHandedOut(ASSIGNMENT, GROUP, JANUARY, AgendaItemId.of("4"),
					MatterId.of("foraldraskapsstodsstrategin"), List.of(Assignee.person("deepa", "Deepa Singhru")),
					"återkomma med förslag på arbetsgrupp", due, AssignmentKind.TASK))
			.andMetaData(MetaData.with(RecordMetadata.BUSINESS_DATE, JANUARY_22.toString()));
	}

}
