package org.matterflow.query.agenda;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.matterflow.kernel.DocumentRef;
import org.matterflow.kernel.assignment.Assignee;
import org.matterflow.kernel.assignment.AssignmentBecameOverdue;
import org.matterflow.kernel.assignment.AssignmentCompleted;
import org.matterflow.kernel.assignment.AssignmentDueDateChanged;
import org.matterflow.kernel.assignment.AssignmentHandedOut;
import org.matterflow.kernel.assignment.AssignmentId;
import org.matterflow.kernel.assignment.AssignmentKind;
import org.matterflow.kernel.assignment.AssignmentReportedBack;
import org.matterflow.kernel.assignment.AssignmentRevised;
import org.matterflow.kernel.assignment.AssignmentWithdrawn;
import org.matterflow.kernel.assignment.Due;
import org.matterflow.kernel.body.BodyDissolved;
import org.matterflow.kernel.body.BodyEstablished;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.body.BodyKind;
import org.matterflow.kernel.matter.MatterId;
import org.matterflow.kernel.matter.MatterQueued;
import org.matterflow.kernel.matter.MatterRaised;
import org.matterflow.kernel.matter.MatterReferred;
import org.matterflow.kernel.matter.MatterRemovedFromBacklog;
import org.matterflow.kernel.matter.MatterRenamed;
import org.matterflow.kernel.matter.ReferralPurpose;
import org.matterflow.kernel.matter.ReferralWithdrawn;
import org.matterflow.kernel.meeting.AgendaItemAdded;
import org.matterflow.kernel.meeting.AgendaItemId;
import org.matterflow.kernel.meeting.AgendaItemRenamed;
import org.matterflow.kernel.meeting.DeferralWithdrawn;
import org.matterflow.kernel.meeting.DocumentAttached;
import org.matterflow.kernel.meeting.DocumentRemoved;
import org.matterflow.kernel.meeting.ItemDeferred;
import org.matterflow.kernel.meeting.ItemKind;
import org.matterflow.kernel.meeting.MeetingClosed;
import org.matterflow.kernel.meeting.MeetingId;
import org.matterflow.kernel.meeting.MeetingMode;
import org.matterflow.kernel.meeting.MeetingOpened;
import org.matterflow.kernel.meeting.MeetingScheduled;
import org.matterflow.kernel.meeting.MeetingTime;
import org.matterflow.query.common.Statements;
import org.matterflow.query.testing.EventFeeder;
import org.matterflow.query.testing.QueryIntegrationTest;
import org.matterflow.query.testing.Reader;
import org.matterflow.query.testing.Story;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@QueryIntegrationTest
class AgendaReadModelTest {

	@LocalServerPort
	int port;

	@Autowired
	EventFeeder feeder;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate jdbcTemplate;

	Story story;

	long position;

	@BeforeEach
	void setUp() {
		this.story = new Story(UUID.randomUUID().toString().substring(0, 8));
		this.position = this.story.record(this.feeder);
	}

	@Test
	void the_next_meeting_lists_the_assignments_to_be_reported_back_there_until_they_are() {
		Story s = this.story;
		MeetingId september = MeetingId.of("cg-2025-09-18-" + s.run);
		AgendaItemId item4 = AgendaItemId.of("4");
		AssignmentId atNext = AssignmentId.of("a1-" + s.run);
		AssignmentId atSeptember = AssignmentId.of("a2-" + s.run);
		AssignmentId byTheFirst = AssignmentId.of("a3-" + s.run);
		AssignmentId reported = AssignmentId.of("a4-" + s.run);
		AssignmentId elsewhere = AssignmentId.of("a5-" + s.run);
		List<Assignee> deepa = List.of(Assignee.person("deepa", "Deepa Singhru"));
		this.feeder.record(LocalDate.of(2025, 5, 20), new MeetingScheduled(september, s.management,
				new MeetingTime(LocalDate.of(2025, 9, 18), null, null), null, MeetingMode.IN_PERSON, false, null));
		long handedOut = this.feeder.record(LocalDate.of(2025, 5, 22),
				handOut(atNext, item4, deepa, "sammanställa enkäten", Due.atNextMeetingOf(s.management)),
				handOut(atSeptember, item4, deepa, "ta fram budget", new Due(null, null, september)),
				handOut(byTheFirst, item4, deepa, "boka lokal", Due.on(LocalDate.of(2025, 9, 1))),
				handOut(reported, item4, deepa, "kontakta länsstyrelsen", Due.atNextMeetingOf(s.management)),
				handOut(elsewhere, item4, List.of(Assignee.body(s.joint.value(), null)), "förankra",
						Due.atNextMeetingOf(s.joint)),
				new AssignmentReportedBack(reported, s.may, item4, "kontakt tagen"));
		String agendaOnJune = "/api/bodies/" + s.management.value() + "/agenda?on=2025-06-01&position=";
		Reader reader = new Reader(this.port);

		JsonNode agenda = reader.json(agendaOnJune + handedOut);
		assertThat(agenda.at("/nextMeeting/meetingId").asText()).isEqualTo(september.value());
		assertThat(agenda.at("/nextMeeting/reportsDue").findValuesAsText("assignmentId"))
			.as("due at the body's next meeting, at that meeting, or on a day by then; not the budget due in 2099, "
					+ "not one reported back, not one due at another body's meeting")
			.containsExactly(atNext.value(), atSeptember.value(), byTheFirst.value());
		JsonNode first = agenda.at("/nextMeeting/reportsDue/0");
		assertThat(first.get("description").asText()).isEqualTo("sammanställa enkäten");
		assertThat(first.at("/assignees/0/name").asText()).isEqualTo("Deepa Singhru");
		assertThat(first.at("/due/atMeetingOf").asText()).isEqualTo(s.management.value());
		assertThat(first.get("fromBody").asText()).isEqualTo(s.management.value());
		assertThat(first.get("handedOutOn").asText()).isEqualTo("2025-05-22");
		assertThat(first.get("overdue").asBoolean()).isFalse();
		long revised = this.feeder.record(LocalDate.of(2025, 5, 22),
				new AssignmentRevised(atNext, "sammanställa enkätsvaren", null));
		assertThat(reader.json(agendaOnJune + revised).at("/nextMeeting/reportsDue/0/description").asText())
			.as("as revised")
			.isEqualTo("sammanställa enkätsvaren");
		assertThat(reader.json("/api/bodies/" + s.joint.value() + "/agenda?on=2025-06-01").get("nextMeeting").isNull())
			.as("the joint group has no meeting on the calendar to hear it")
			.isTrue();

		long overdue = this.feeder.record(LocalDate.of(2025, 9, 2),
				new AssignmentBecameOverdue(byTheFirst, LocalDate.of(2025, 9, 1)));
		assertThat(reader.json(agendaOnJune + overdue).at("/nextMeeting/reportsDue/2/overdue").asBoolean())
			.as("past its day without a report back, still to be reported back")
			.isTrue();

		long later = this.feeder.record(LocalDate.of(2025, 9, 3), new AssignmentCompleted(atNext, "klart"),
				new AssignmentWithdrawn(byTheFirst, "behövs inte"), new AssignmentDueDateChanged(reported,
						Due.atNextMeetingOf(s.management), new Due(null, null, september), "kompletteras"));
		assertThat(reader.json(agendaOnJune + later).at("/nextMeeting/reportsDue").findValuesAsText("assignmentId"))
			.as("finished ones gone; one given a new due after its report back waits again")
			.containsExactly(atSeptember.value(), reported.value());
	}

	private AssignmentHandedOut handOut(AssignmentId id, AgendaItemId item, List<Assignee> assignees,
			String description, Due due) {
		return new AssignmentHandedOut(id, this.story.management, this.story.may, item, this.story.strategy, assignees,
				description, due, AssignmentKind.TASK);
	}

	@Test
	void the_agenda_of_a_body_shows_its_next_meeting_with_items_in_order_and_what_was_deferred_to_it() {
		JsonNode agenda = new Reader(this.port)
			.json("/api/bodies/" + this.story.management.value() + "/agenda?on=2025-02-01&position=" + this.position);

		assertThat(agenda.get("bodyName").asText()).isEqualTo("Chefsgrupp folkhälsa");
		assertThat(agenda.at("/nextMeeting/meetingId").asText()).isEqualTo(this.story.may.value());
		assertThat(agenda.at("/nextMeeting/start").asText()).isEqualTo("09:00");
		assertThat(agenda.at("/nextMeeting/items").findValuesAsText("title"))
			.containsExactly("Föräldraskapsstödsstrategin");
		assertThat(agenda.get("deferredItems")).hasSize(1);
		assertThat(agenda.at("/deferredItems/0/title").asText()).isEqualTo("Samverkansplan");
		assertThat(agenda.at("/deferredItems/0/toMeeting").asText()).isEqualTo(this.story.may.value());
		assertThat(agenda.at("/deferredItems/0/reason").asText()).isEqualTo("flyttas till kommande möte");
	}

	@Test
	void matters_referred_to_a_body_wait_on_its_agenda_until_they_are_placed_on_one() {
		JsonNode joint = new Reader(this.port)
			.json("/api/bodies/" + this.story.joint.value() + "/agenda?on=2025-02-01&position=" + this.position);
		assertThat(joint.get("referredMatters").findValuesAsText("matterId"))
			.containsExactly(this.story.strategy.value());
		assertThat(joint.at("/referredMatters/0/purpose").asText()).isEqualTo("FOR_ANCHORING");
		assertThat(joint.at("/referredMatters/0/fromBody").asText()).isEqualTo(this.story.management.value());
		assertThat(joint.at("/referredMatters/0/atMeeting").asText()).isEqualTo(this.story.january.value());
		assertThat(joint.at("/referredMatters/0/atItem").asText()).as("the item of that meeting it was decided under")
			.isEqualTo("4");
		assertThat(joint.at("/nextMeeting/meetingId").asText()).isEqualTo(this.story.march.value());
	}

	@Test
	void matters_of_the_same_priority_and_day_wait_on_the_backlog_in_swedish_order_of_their_titles() {
		BodyId group = BodyId.of("teman-" + this.story.run);
		List<String> titles = List.of("Äldreomsorg", "Åtgärdsplan", "Cykelplan", "budget", "Översyn");
		List<Object> events = new ArrayList<>();
		events.add(new BodyEstablished(group, "Länsdelsgrupp norr", BodyKind.COUNTY_PART_GROUP, null, null, null));
		for (int i = 0; i < titles.size(); i++) {
			MatterId matter = MatterId.of("tema-" + i + "-" + this.story.run);
			events.add(new MatterRaised(matter, group, titles.get(i), null, null));
			events.add(new MatterQueued(matter, group, titles.get(i).equals("Översyn") ? 1 : 2, null));
		}
		long queued = this.feeder.record(LocalDate.of(2025, 3, 3), events.toArray());

		JsonNode agenda = new Reader(this.port)
			.json("/api/bodies/" + group.value() + "/agenda?on=2025-03-03&position=" + queued);
		assertThat(agenda.get("backlog").findValuesAsText("title")).as("the first priority first, then Å before Ä")
			.containsExactly("Översyn", "budget", "Cykelplan", "Åtgärdsplan", "Äldreomsorg");
	}

	@Test
	void the_backlog_of_a_body_is_in_order_of_priority() {
		JsonNode south = new Reader(this.port)
			.json("/api/bodies/" + this.story.south.value() + "/agenda?on=2025-06-01&position=" + this.position);
		assertThat(south.at("/nextMeeting/meetingId").asText()).isEqualTo(this.story.southAugust.value());
		assertThat(south.get("backlog").findValuesAsText("title")).containsExactly("Samverkansplan");
		assertThat(south.at("/backlog/0/priority").asInt()).isEqualTo(1);
		assertThat(south.get("referredMatters").findValuesAsText("title"))
			.containsExactly("Föräldraskapsstödsstrategin");
	}

	@Test
	void a_renamed_matter_waits_on_the_agenda_under_its_new_title() {
		this.position = this.feeder.record(LocalDate.of(2025, 6, 1),
				new MatterRenamed(this.story.plan, "Samverkansplan för god och jämlik hälsa", null),
				new MatterRenamed(this.story.strategy, "Strategi för föräldraskapsstöd", null));

		JsonNode south = new Reader(this.port)
			.json("/api/bodies/" + this.story.south.value() + "/agenda?on=2025-06-01&position=" + this.position);
		assertThat(south.get("backlog").findValuesAsText("title"))
			.containsExactly("Samverkansplan för god och jämlik hälsa");
		assertThat(south.get("referredMatters").findValuesAsText("title"))
			.containsExactly("Strategi för föräldraskapsstöd");
	}

	@Test
	void a_referral_taken_back_and_a_matter_taken_off_the_backlog_no_longer_wait_on_the_agenda() {
		this.position = this.feeder.record(LocalDate.of(2025, 6, 1),
				new ReferralWithdrawn(this.story.strategy, this.story.management, this.story.south, this.story.may,
						null, "fel länsdel"),
				new MatterRemovedFromBacklog(this.story.plan, this.story.south, "temat utgår"));

		JsonNode south = new Reader(this.port)
			.json("/api/bodies/" + this.story.south.value() + "/agenda?on=2025-06-01&position=" + this.position);
		assertThat(south.get("referredMatters")).isEmpty();
		assertThat(south.get("backlog")).isEmpty();

		long queuedAgain = this.feeder.record(LocalDate.of(2025, 9, 1),
				new MatterQueued(this.story.plan, this.story.south, 2, "hösten"));
		assertThat(new Reader(this.port)
			.json("/api/bodies/" + this.story.south.value() + "/agenda?on=2025-09-01&position=" + queuedAgain)
			.get("backlog")
			.findValuesAsText("note")).as("queued anew").containsExactly("hösten");
	}

	@Test
	void a_matter_whose_last_referral_is_taken_back_waits_for_the_one_before_until_that_is_taken_back_too() {
		String agenda = "/api/bodies/" + this.story.south.value() + "/agenda?on=2025-06-01&position=";
		Reader reader = new Reader(this.port);
		long referredAgain = this.feeder.record(LocalDate.of(2025, 5, 30), new MatterReferred(this.story.strategy,
				this.story.joint, this.story.south, ReferralPurpose.FOR_ANCHORING, null, null, "från gemensamma"));
		assertThat(reader.json(agenda + referredAgain).at("/referredMatters/0/fromBody").asText())
			.isEqualTo(this.story.joint.value());

		long lastTakenBack = this.feeder.record(LocalDate.of(2025, 6, 1), new ReferralWithdrawn(this.story.strategy,
				this.story.joint, this.story.south, null, null, "fel grupp"));
		JsonNode waiting = reader.json(agenda + lastTakenBack).get("referredMatters");
		assertThat(waiting.findValuesAsText("matterId")).containsExactly(this.story.strategy.value());
		assertThat(waiting.at("/0/fromBody").asText()).as("the referral before")
			.isEqualTo(this.story.management.value());
		assertThat(waiting.at("/0/atMeeting").asText()).isEqualTo(this.story.may.value());

		long bothTakenBack = this.feeder.record(LocalDate.of(2025, 6, 1), new ReferralWithdrawn(this.story.strategy,
				this.story.management, this.story.south, this.story.may, null, null));
		assertThat(reader.json(agenda + bothTakenBack).get("referredMatters")).isEmpty();
	}

	@Test
	void a_referral_handled_twice_is_one_referral_to_fall_back_on() {
		String agenda = "/api/bodies/" + this.story.south.value() + "/agenda?on=2025-06-01&position=";
		MatterReferred again = new MatterReferred(this.story.strategy, this.story.joint, this.story.south,
				ReferralPurpose.FOR_ANCHORING, null, null, "från gemensamma");
		this.feeder.record(LocalDate.of(2025, 5, 30), again);
		this.feeder.record(LocalDate.of(2025, 5, 30), again);
		long position = this.feeder.record(LocalDate.of(2025, 6, 1),
				new ReferralWithdrawn(this.story.strategy, this.story.joint, this.story.south, null, null, null));
		assertThat(new Reader(this.port).json(agenda + position).at("/referredMatters/0/fromBody").asText())
			.as("the referral before it, not the same one again")
			.isEqualTo(this.story.management.value());
	}

	@Test
	void a_referral_taken_back_after_the_body_took_the_matter_up_leaves_nothing_waiting() {
		String agenda = "/api/bodies/" + this.story.south.value() + "/agenda?on=2025-06-01&position=";
		long position = this.feeder.record(LocalDate.of(2025, 5, 30),
				item(this.story.southAugust, "s-" + this.story.run, 1, "Föräldraskapsstödsstrategin",
						this.story.strategy),
				new MatterReferred(this.story.strategy, this.story.joint, this.story.south,
						ReferralPurpose.FOR_ANCHORING, null, null, "från gemensamma"),
				new ReferralWithdrawn(this.story.strategy, this.story.joint, this.story.south, null, null,
						"fel grupp"));
		assertThat(new Reader(this.port).json(agenda + position).get("referredMatters"))
			.as("the referral before was answered when the item was placed")
			.isEmpty();
	}

	@Test
	void a_body_with_nothing_coming_up_has_an_empty_agenda() {
		BodyId group = BodyId.of("tom-" + this.story.run);
		long established = this.feeder.record(LocalDate.of(2025, 1, 10),
				new BodyEstablished(group, "Arbetsgrupp ANDT", BodyKind.WORKING_GROUP, null, null, null));

		JsonNode agenda = new Reader(this.port)
			.json("/api/bodies/" + group.value() + "/agenda?on=2025-02-01&position=" + established);

		assertThat(agenda.get("bodyName").asText()).isEqualTo("Arbetsgrupp ANDT");
		assertThat(agenda.get("on").asText()).isEqualTo("2025-02-01");
		assertThat(agenda.get("nextMeeting").isNull()).isTrue();
		assertThat(agenda.get("deferredItems").isArray()).isTrue();
		assertThat(agenda.get("deferredItems")).isEmpty();
		assertThat(agenda.get("referredMatters")).isEmpty();
		assertThat(agenda.get("backlog")).isEmpty();
	}

	@Test
	void a_dissolved_body_s_agenda_names_the_day_and_keeps_what_still_waits_there() {
		long dissolved = this.feeder.record(LocalDate.of(2025, 9, 1),
				new BodyDissolved(this.story.south, LocalDate.of(2025, 8, 31), "ersätts av länsgemensam grupp"));

		JsonNode south = new Reader(this.port)
			.json("/api/bodies/" + this.story.south.value() + "/agenda?on=2025-09-02&position=" + dissolved);

		assertThat(south.get("dissolvedOn").asText()).isEqualTo("2025-08-31");
		assertThat(south.get("referredMatters").findValuesAsText("title"))
			.as("referred to it and never taken up: for the secretary to refer elsewhere")
			.containsExactly("Föräldraskapsstödsstrategin");
		JsonNode management = new Reader(this.port)
			.json("/api/bodies/" + this.story.management.value() + "/agenda?on=2025-09-02&position=" + dissolved);
		assertThat(management.get("dissolvedOn").isNull()).isTrue();
	}

	@Test
	void an_item_deferred_to_a_dissolved_body_is_handed_over_with_its_matter() {
		AgendaItemId item = AgendaItemId.of("2");
		this.feeder.record(LocalDate.of(2025, 8, 27),
				new AgendaItemAdded(this.story.southAugust, item, 1, "Föräldraskapsstödsstrategin", ItemKind.DISCUSSION,
						this.story.strategy, List.of(), List.of(), List.of(), null),
				new ItemDeferred(this.story.southAugust, item, this.story.strategy, null, this.story.south,
						"hann inte"));
		long dissolved = this.feeder.record(LocalDate.of(2025, 9, 1),
				new BodyDissolved(this.story.south, LocalDate.of(2025, 8, 31), "ersätts av länsgemensam grupp"));
		String southAgenda = "/api/bodies/" + this.story.south.value() + "/agenda?on=2025-09-04&position=";
		assertThat(new Reader(this.port).json(southAgenda + dissolved).get("deferredItems").findValuesAsText("title"))
			.containsExactly("Föräldraskapsstödsstrategin");

		long handedOver = this.feeder.record(LocalDate.of(2025, 9, 3), new MatterReferred(this.story.strategy,
				this.story.south, this.story.management, ReferralPurpose.FOR_PREPARATION, null, null, "tas över"));

		assertThat(new Reader(this.port).json(southAgenda + handedOver).get("deferredItems")).isEmpty();
	}

	@Test
	void a_matter_referred_on_from_a_dissolved_body_waits_at_the_next_body_and_no_longer_at_the_dissolved_one() {
		// before the dissolution, referring it on for information leaves it waiting where
		// it was
		long referredOn = this.feeder.record(LocalDate.of(2025, 8, 1), new MatterReferred(this.story.strategy,
				this.story.south, this.story.joint, ReferralPurpose.FOR_INFORMATION, null, null, "för kännedom"));
		assertThat(new Reader(this.port)
			.json("/api/bodies/" + this.story.south.value() + "/agenda?on=2025-08-02&position=" + referredOn)
			.get("referredMatters")
			.findValuesAsText("title")).containsExactly("Föräldraskapsstödsstrategin");

		this.feeder.record(LocalDate.of(2025, 9, 1),
				new BodyDissolved(this.story.south, LocalDate.of(2025, 8, 31), "ersätts av länsgemensam grupp"));
		long handedOver = this.feeder.record(LocalDate.of(2025, 9, 3), new MatterReferred(this.story.strategy,
				this.story.south, this.story.management, ReferralPurpose.FOR_PREPARATION, null, null, "tas över"));

		JsonNode south = new Reader(this.port)
			.json("/api/bodies/" + this.story.south.value() + "/agenda?on=2025-09-04&position=" + handedOver);
		assertThat(south.get("referredMatters")).isEmpty();
		assertThat(south.get("backlog").findValuesAsText("title")).as("another matter, not handed over")
			.containsExactly("Samverkansplan");
		JsonNode management = new Reader(this.port)
			.json("/api/bodies/" + this.story.management.value() + "/agenda?on=2025-09-04&position=" + handedOver);
		assertThat(management.get("referredMatters").findValuesAsText("title"))
			.containsExactly("Föräldraskapsstödsstrategin");
	}

	@Test
	void an_item_shows_its_presenters_and_a_meeting_its_times_to_the_minute_or_second() {
		BodyId group = BodyId.of("tider-" + this.story.run);
		MeetingId meeting = MeetingId.of("tider-2025-03-03-" + this.story.run);
		long recorded = this.feeder.record(LocalDate.of(2025, 2, 10),
				new BodyEstablished(group, "Arbetsgrupp psykisk hälsa", BodyKind.WORKING_GROUP, null, null, null),
				new MeetingScheduled(meeting, group,
						new MeetingTime(LocalDate.of(2025, 3, 3), LocalTime.of(8, 30), LocalTime.of(9, 45, 30)), null,
						MeetingMode.DIGITAL, true, null),
				new AgendaItemAdded(meeting, AgendaItemId.of("1"), 1, "Lägesrapport", ItemKind.INFORMATION, null,
						List.of("Deepa Singhru"), List.of(), List.of(), null));

		JsonNode next = new Reader(this.port)
			.json("/api/bodies/" + group.value() + "/agenda?on=2025-02-20&position=" + recorded)
			.get("nextMeeting");

		assertThat(next.get("date").asText()).isEqualTo("2025-03-03");
		assertThat(next.get("start").asText()).isEqualTo("08:30");
		assertThat(next.get("end").asText()).isEqualTo("09:45:30");
		assertThat(next.get("tentative").asBoolean()).isTrue();
		assertThat(next.at("/items/0/position").asInt()).isEqualTo(1);
		assertThat(next.at("/items/0/presenters/0").asText()).isEqualTo("Deepa Singhru");
	}

	@Test
	void an_item_added_at_a_position_moves_the_items_from_there_down_one() {
		BodyId group = BodyId.of("ordning-" + this.story.run);
		MeetingId meeting = MeetingId.of("ordning-2025-04-07-" + this.story.run);
		long recorded = this.feeder.record(LocalDate.of(2025, 3, 20),
				new BodyEstablished(group, "Arbetsgrupp ANDT", BodyKind.WORKING_GROUP, null, null, null),
				digitalMeeting(meeting, group, LocalDate.of(2025, 4, 7)), item(meeting, "1", 1, "Lägesrapport", null),
				item(meeting, "2", 2, "Budget 2026", null), item(meeting, "3", 1, "Val av justerare", null));
		Reader reader = new Reader(this.port);

		JsonNode next = reader.json("/api/bodies/" + group.value() + "/agenda?on=2025-03-20&position=" + recorded)
			.get("nextMeeting");
		JsonNode minutes = reader.json("/api/meetings/" + meeting.value() + "?position=" + recorded);

		assertThat(next.get("items").findValuesAsText("title")).containsExactly("Val av justerare", "Lägesrapport",
				"Budget 2026");
		assertThat(next.get("items").findValuesAsText("position")).containsExactly("1", "2", "3");
		assertThat(minutes.get("agenda").findValuesAsText("itemId")).containsExactly("3", "1", "2");
		assertThat(minutes.get("agenda").findValuesAsText("position")).containsExactly("1", "2", "3");
	}

	@Test
	void an_item_deferred_to_the_wrong_meeting_waits_where_it_was_deferred_anew() {
		BodyId group = BodyId.of("flyttad-" + this.story.run);
		MeetingId march = MeetingId.of("flyttad-2025-03-03-" + this.story.run);
		MeetingId april = MeetingId.of("flyttad-2025-04-07-" + this.story.run);
		MeetingId may = MeetingId.of("flyttad-2025-05-05-" + this.story.run);
		AgendaItemId plan = AgendaItemId.of("1");
		this.feeder.record(LocalDate.of(2025, 3, 3),
				new BodyEstablished(group, "Arbetsgrupp ANDT", BodyKind.WORKING_GROUP, null, null, null),
				digitalMeeting(march, group, LocalDate.of(2025, 3, 3)),
				digitalMeeting(april, group, LocalDate.of(2025, 4, 7)),
				digitalMeeting(may, group, LocalDate.of(2025, 5, 5)), item(march, "1", 1, "Lokal handlingsplan", null),
				new MeetingOpened(march), new ItemDeferred(march, plan, null, april, null, "hanns inte"));
		long moved = this.feeder.record(LocalDate.of(2025, 3, 3), new DeferralWithdrawn(march, plan, null, "fel möte"),
				new ItemDeferred(march, plan, null, may, null, "hanns inte"));

		JsonNode deferred = new Reader(this.port)
			.json("/api/bodies/" + group.value() + "/agenda?on=2025-03-10&position=" + moved)
			.get("deferredItems");
		assertThat(deferred.findValuesAsText("toMeeting")).containsExactly(may.value());
		assertThat(
				new Reader(this.port).json("/api/meetings/" + march.value()).at("/agenda/0/deferredToMeeting").asText())
			.isEqualTo(may.value());
	}

	@Test
	void a_deferred_item_waits_under_its_new_title_and_an_item_renamed_to_it_takes_it_up() {
		BodyId group = BodyId.of("omdopt-" + this.story.run);
		MeetingId march = MeetingId.of("omdopt-2025-03-03-" + this.story.run);
		MeetingId april = MeetingId.of("omdopt-2025-04-07-" + this.story.run);
		this.feeder.record(LocalDate.of(2025, 3, 3),
				new BodyEstablished(group, "Arbetsgrupp ANDT", BodyKind.WORKING_GROUP, null, null, null),
				digitalMeeting(march, group, LocalDate.of(2025, 3, 3)),
				digitalMeeting(april, group, LocalDate.of(2025, 4, 7)),
				item(march, "1", 1, "Lokal handlingsplan", null), new MeetingOpened(march),
				new ItemDeferred(march, AgendaItemId.of("1"), null, april, null, "hanns inte"),
				new AgendaItemRenamed(march, AgendaItemId.of("1"), null, "Lokal handlingsplan ANDT", "stavfel"));
		Reader reader = new Reader(this.port);
		String agenda = "/api/bodies/" + group.value() + "/agenda?on=2025-03-10&position=";
		long mistyped = this.feeder.record(LocalDate.of(2025, 3, 10), item(april, "1", 1, "Lokal handlingsplan", null));
		assertThat(reader.json(agenda + mistyped).get("deferredItems").findValuesAsText("title"))
			.as("waiting under its new title, which the item added does not have")
			.containsExactly("Lokal handlingsplan ANDT");

		long renamed = this.feeder.record(LocalDate.of(2025, 3, 10),
				new AgendaItemRenamed(april, AgendaItemId.of("1"), null, "Lokal handlingsplan andt", null));

		JsonNode after = reader.json(agenda + renamed);
		assertThat(after.get("deferredItems")).isEmpty();
		assertThat(after.at("/nextMeeting/items").findValuesAsText("title"))
			.containsExactly("Lokal handlingsplan andt");
	}

	@Test
	void what_waited_for_a_body_leaves_its_agenda_once_it_is_placed_on_one_of_its_meetings() {
		BodyId group = BodyId.of("vantar-" + this.story.run);
		BodyId council = BodyId.of("rad-" + this.story.run);
		MeetingId march = MeetingId.of("vantar-2025-03-03-" + this.story.run);
		MeetingId april = MeetingId.of("vantar-2025-04-07-" + this.story.run);
		MatterId referred = MatterId.of("kartlaggning-" + this.story.run);
		MatterId deferred = MatterId.of("budget-" + this.story.run);
		this.feeder.record(LocalDate.of(2025, 3, 3),
				new BodyEstablished(group, "Arbetsgrupp ANDT", BodyKind.WORKING_GROUP, null, null, null),
				new BodyEstablished(council, "Folkhälsorådet", BodyKind.COUNCIL, null, null, null),
				new MatterRaised(referred, council, "Kartläggning av spelproblem", null, null),
				new MatterRaised(deferred, group, "Budget 2026", null, null),
				digitalMeeting(march, group, LocalDate.of(2025, 3, 3)),
				digitalMeeting(april, group, LocalDate.of(2025, 4, 7)),
				new MatterReferred(referred, council, group, ReferralPurpose.FOR_PREPARATION, null, null, null),
				item(march, "1", 1, "Lokal handlingsplan", null), item(march, "2", 2, "Budget", deferred),
				new MeetingOpened(march),
				new ItemDeferred(march, AgendaItemId.of("1"), null, april, null, "hanns inte"),
				new ItemDeferred(march, AgendaItemId.of("2"), deferred, april, null, "underlag saknas"),
				new MeetingClosed(march));
		Reader reader = new Reader(this.port);
		String agenda = "/api/bodies/" + group.value() + "/agenda?on=2025-03-10&position=";
		long waiting = this.feeder.record(LocalDate.of(2025, 3, 10), item(april, "9", 1, "Övriga frågor", null));
		JsonNode before = reader.json(agenda + waiting);
		assertThat(before.get("deferredItems").findValuesAsText("title")).containsExactly("Lokal handlingsplan",
				"Budget");
		assertThat(before.get("referredMatters").findValuesAsText("matterId")).containsExactly(referred.value());

		long placed = this.feeder.record(LocalDate.of(2025, 3, 10), item(april, "1", 1, "LOKAL HANDLINGSPLAN", null),
				item(april, "2", 2, "Budget 2026", deferred), item(april, "3", 3, "Spelproblem", referred));

		JsonNode after = reader.json(agenda + placed);
		assertThat(after.get("deferredItems")).isEmpty();
		assertThat(after.get("referredMatters")).isEmpty();
		assertThat(after.at("/nextMeeting/items").findValuesAsText("title")).containsExactly("LOKAL HANDLINGSPLAN",
				"Budget 2026", "Spelproblem", "Övriga frågor");
	}

	@Test
	void an_item_handled_a_second_time_changes_nothing() {
		BodyId group = BodyId.of("igen-" + this.story.run);
		MeetingId meeting = MeetingId.of("igen-2025-04-07-" + this.story.run);
		AgendaItemAdded second = item(meeting, "2", 1, "Budget 2026", null);
		long recorded = this.feeder.record(LocalDate.of(2025, 3, 20),
				new BodyEstablished(group, "Arbetsgrupp ANDT", BodyKind.WORKING_GROUP, null, null, null),
				digitalMeeting(meeting, group, LocalDate.of(2025, 4, 7)), item(meeting, "1", 1, "Lägesrapport", null),
				second);
		Reader reader = new Reader(this.port);
		String path = "/api/bodies/" + group.value() + "/agenda?on=2025-03-20&position=" + recorded;
		JsonNode once = reader.json(path);

		String schema = this.jdbc
			.sql("SELECT read_model || '_' || generation FROM projections.generation "
					+ "WHERE read_model = 'agenda' AND state = 'ACTIVE'")
			.query(String.class)
			.single();
		new AgendaProjection(new Statements(this.jdbcTemplate, schema)).on(second);

		assertThat(reader.json(path)).isEqualTo(once);
		assertThat(once.at("/nextMeeting/items").findValuesAsText("title")).containsExactly("Budget 2026",
				"Lägesrapport");
	}

	@Test
	void a_document_attached_before_the_meeting_is_on_its_agenda_until_taken_off() {
		MeetingId august = this.story.southAugust;
		AgendaItemId lokal = AgendaItemId.of("lokal-" + this.story.run);
		long attached = this.feeder.record(LocalDate.of(2025, 6, 1),
				new AgendaItemAdded(august, lokal, 1, "Lokal handlingsplan", ItemKind.DISCUSSION, null, List.of(),
						List.of(), List.of(new DocumentRef("Utkast", "https://documents.example/utkast.docx")), null),
				new DocumentAttached(august, lokal, new DocumentRef("Bilaga", "https://documents.example/bilaga.pdf")));
		String agenda = "/api/bodies/" + this.story.south.value() + "/agenda?on=2025-06-01&position=";
		Reader reader = new Reader(this.port);
		assertThat(reader.json(agenda + attached).at("/nextMeeting/items/0/documents").findValuesAsText("uri"))
			.containsExactly("https://documents.example/utkast.docx", "https://documents.example/bilaga.pdf");

		long removed = this.feeder.record(LocalDate.of(2025, 6, 2),
				new DocumentRemoved(august, lokal, "https://documents.example/utkast.docx", "ersatt"));
		assertThat(reader.json(agenda + removed).at("/nextMeeting/items/0/documents").findValuesAsText("uri"))
			.containsExactly("https://documents.example/bilaga.pdf");
		assertThat(new Reader(this.port).json("/api/meetings/" + august.value())
			.at("/agenda/0/documents")
			.findValuesAsText("uri")).as("the meeting view, alike")
			.containsExactly("https://documents.example/bilaga.pdf");
	}

	@Test
	void what_an_undated_protocol_left_waiting_shows_its_dates_known_to_the_year_and_a_meeting_set_to_a_month_says_so() {
		MeetingId council = MeetingId.of("soder-2024-" + this.story.run);
		undatedProtocolLeftWaiting(council, (events) -> this.feeder.recordInYear("importer", 2024, events));
	}

	/**
	 * Events imported before precisions were kept carry none: they are known as precisely
	 * as the meeting they were recorded at, which every store knows.
	 */
	@Test
	void what_an_undated_protocol_left_waiting_before_precisions_were_kept_is_known_to_the_year_of_its_meeting() {
		MeetingId council = MeetingId.of("soder-2024-" + this.story.run);
		undatedProtocolLeftWaiting(council,
				(events) -> this.feeder.recordImportedBeforePrecisions(council, LocalDate.of(2024, 1, 1), events));
	}

	private void undatedProtocolLeftWaiting(MeetingId council, Consumer<Object[]> imported) {
		Story s = this.story;
		MeetingId may2099 = MeetingId.of("soder-2099-05-" + s.run);
		MatterId theme = MatterId.of("tema-" + s.run);
		AssignmentId planning = AssignmentId.of("planera-" + s.run);
		imported.accept(new Object[] {
				new MeetingScheduled(council, s.south,
						new MeetingTime(LocalDate.of(2024, 1, 1), null, null, MeetingTime.DatePrecision.YEAR), null,
						MeetingMode.IN_PERSON, false, null),
				item(council, "13", 1, "Arbetssätt i gruppen", null), new MeetingOpened(council),
				new ItemDeferred(council, AgendaItemId.of("13"), null, null, s.south, "lågt deltagande"),
				new AssignmentHandedOut(planning, s.south, council, AgendaItemId.of("13"), null,
						List.of(Assignee.person("johanna", "Johanna Ek")), "planera temat",
						Due.atNextMeetingOf(s.south), AssignmentKind.TASK),
				new MeetingClosed(council), new MatterRaised(theme, s.south, "Tema genus", null, null),
				new MatterQueued(theme, s.south, null, null) });
		long scheduled = this.feeder.record(LocalDate.of(2025, 9, 1),
				new MeetingScheduled(may2099, s.south,
						new MeetingTime(LocalDate.of(2099, 5, 1), null, null, MeetingTime.DatePrecision.MONTH), null,
						MeetingMode.IN_PERSON, true, null));
		Reader reader = new Reader(this.port);

		JsonNode agenda = reader.json("/api/bodies/" + s.south.value() + "/agenda?on=2025-09-01&position=" + scheduled);
		assertThat(agenda.at("/nextMeeting/meetingId").asText()).isEqualTo(may2099.value());
		assertThat(agenda.at("/nextMeeting/date").asText()).isEqualTo("2099-05-01");
		assertThat(agenda.at("/nextMeeting/datePrecision").asText()).isEqualTo("MONTH");
		JsonNode due = agenda.at("/nextMeeting/reportsDue/0");
		assertThat(due.get("assignmentId").asText()).isEqualTo(planning.value());
		assertThat(due.get("handedOutOn").asText()).isEqualTo("2024-01-01");
		assertThat(due.get("handedOutOnPrecision").asText()).isEqualTo("YEAR");
		JsonNode deferred = agenda.at("/deferredItems/0");
		assertThat(deferred.get("fromMeeting").asText()).isEqualTo(council.value());
		assertThat(deferred.get("deferredOn").asText()).isEqualTo("2024-01-01");
		assertThat(deferred.get("deferredOnPrecision").asText()).isEqualTo("YEAR");
		assertThat(agenda.get("backlog").findValuesAsText("matterId")).as("the one with a priority first")
			.containsExactly(s.plan.value(), theme.value());
		assertThat(agenda.get("backlog").findValuesAsText("sincePrecision")).containsExactly("DAY", "YEAR");
		assertThat(agenda.at("/referredMatters/0/sincePrecision").asText()).isEqualTo("DAY");

		JsonNode assignment = reader.json("/api/assignments?body=" + s.south.value());
		assertThat(assignment.findValuesAsText("assignmentId")).containsExactly(planning.value());
		assertThat(assignment.at("/0/handedOutOnPrecision").asText()).isEqualTo("YEAR");
	}

	private static MeetingScheduled digitalMeeting(MeetingId meeting, BodyId body, LocalDate date) {
		return new MeetingScheduled(meeting, body, new MeetingTime(date, null, null), null, MeetingMode.DIGITAL, false,
				null);
	}

	private static AgendaItemAdded item(MeetingId meeting, String id, int position, String title, MatterId matter) {
		return new AgendaItemAdded(meeting, AgendaItemId.of(id), position, title, ItemKind.DISCUSSION, matter,
				List.of(), List.of(), List.of(), null);
	}

	@Test
	void the_agenda_of_an_unknown_body_is_not_found() {
		assertThat(new Reader(this.port).get("/api/bodies/nobody-" + this.story.run + "/agenda").status())
			.isEqualTo(404);
	}

}
