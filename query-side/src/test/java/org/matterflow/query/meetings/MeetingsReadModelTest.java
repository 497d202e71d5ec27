package org.matterflow.query.meetings;

import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.time.Duration;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.matterflow.kernel.DocumentRef;
import org.matterflow.kernel.PersonId;
import org.matterflow.kernel.assignment.Assignee;
import org.matterflow.kernel.assignment.AssignmentHandedOut;
import org.matterflow.kernel.assignment.AssignmentId;
import org.matterflow.kernel.assignment.AssignmentKind;
import org.matterflow.kernel.assignment.Due;
import org.matterflow.kernel.body.BodyEstablished;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.body.BodyKind;
import org.matterflow.kernel.matter.MatterId;
import org.matterflow.kernel.matter.MatterRenamed;
import org.matterflow.kernel.matter.ReferralWithdrawn;
import org.matterflow.kernel.meeting.*;
import org.matterflow.query.common.ReadModels;
import org.matterflow.query.testing.EventFeeder;
import org.matterflow.query.testing.QueryIntegrationTest;
import org.matterflow.query.testing.Reader;
import org.matterflow.query.testing.Story;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QueryIntegrationTest
class MeetingsReadModelTest {

	@LocalServerPort
	int port;

	@Autowired
	EventFeeder feeder;

	@Autowired
	ReadModels readModels;

	@Autowired
	DataSource dataSource;

	Reader reader;

	String run;

	@BeforeEach
	void setUp() {
		this.reader = new Reader(this.port);
		this.run = UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void a_meeting_reads_back_with_its_agenda_attendance_decisions_and_minutes() {
		BodyId body = BodyId.of("chefsgrupp-" + this.run);
		MeetingId meeting = MeetingId.of("m-" + this.run);
		MatterId strategy = MatterId.of("strategi-" + this.run);
		AgendaItemId item4 = AgendaItemId.of("4");
		AgendaItemId item2 = AgendaItemId.of("2");
		LocalDate day = LocalDate.of(2025, 1, 22);
		long position = this.feeder
			.record(day, new BodyEstablished(body, "Chefsgrupp folkhälsa", BodyKind.MANAGEMENT_GROUP, null, null, null),
					new MeetingScheduled(meeting, body, new MeetingTime(day, LocalTime.of(13, 0), LocalTime.of(16, 30)),
							"Länsstyrelsen", MeetingMode.IN_PERSON, false, null),
					new AgendaItemAdded(meeting, item4, 1, "Föräldraskapsstödsstrategin", ItemKind.DISCUSSION, strategy,
							List.of("Deepa Singhru"), List.of("Linn Karlsson"), List.of(), null),
					new AgendaItemAdded(meeting, item2, 1, "Dagordning", ItemKind.DECISION, null, List.of(), List.of(),
							List.of(), null),
					new AgendaItemAdded(meeting, AgendaItemId.of("x"), 3, "Felaktig", ItemKind.INFORMATION, null,
							List.of(), List.of(), List.of(), null),
					new AgendaItemWithdrawn(meeting, AgendaItemId.of("x"), "dubblett"),
					new DocumentAttached(meeting, item4,
							new DocumentRef("Presentation", "https://documents.example/4.pptx")),
					new AgendaAdopted(meeting), new MeetingOpened(meeting),
					new AttendanceRecorded(meeting, PersonId.of("deepa"), "Deepa Singhru", null, AttendanceStatus.GUEST,
							List.of(item4)),
					new MinutesAdjusterAppointed(meeting, PersonId.of("anna"), "Anna Andersson"),
					new ItemDiscussed(meeting, item4, strategy, "Söder: har koll via processledare."),
					new DecisionTaken(meeting, DecisionId.of("d-4"), item4, strategy, DecisionKind.HAND_OUT_ASSIGNMENT,
							"Deepa får fortsatt uppdrag"),
					new ItemDeferred(meeting, item2, null, null, null, "tas upp igen"), new MeetingClosed(meeting),
					new MinutesAdjusted(meeting, LocalDate.of(2025, 1, 30), List.of("Anna Andersson")),
					new MinutesCorrected(meeting, CorrectionId.of("c-1"), item4, DecisionId.of("d-4"), "beslut d-4",
							"Deepa och Linn får fortsatt uppdrag", "namn saknades"));

		JsonNode view = this.reader.json("/api/meetings/" + meeting.value() + "?position=" + position);

		assertThat(view.get("bodyName").asText()).isEqualTo("Chefsgrupp folkhälsa");
		assertThat(view.get("status").asText()).isEqualTo("ADJUSTED");
		assertThat(view.get("start").asText()).isEqualTo("13:00");
		assertThat(view.at("/agenda").findValuesAsText("itemId")).containsExactly("2", "4", "x");
		JsonNode item = view.at("/agenda/1");
		assertThat(item.get("presenters").get(0).asText()).isEqualTo("Deepa Singhru");
		assertThat(item.at("/documents/0/uri").asText()).isEqualTo("https://documents.example/4.pptx");
		assertThat(item.at("/decisions/0/text").asText()).isEqualTo("Deepa får fortsatt uppdrag");
		assertThat(item.get("discussion").asText()).startsWith("Söder");
		assertThat(view.at("/agenda/0/deferred").asBoolean()).isTrue();
		assertThat(view.at("/agenda/2/withdrawn").asBoolean()).isTrue();
		assertThat(view.at("/attendance/0/status").asText()).isEqualTo("GUEST");
		assertThat(view.at("/attendance/0/items/0").asText()).isEqualTo("4");
		assertThat(view.at("/minutes/state").asText()).isEqualTo("ADJUSTED");
		assertThat(view.at("/minutes/adjusterName").asText()).isEqualTo("Anna Andersson");
		assertThat(view.at("/corrections/0/correction").asText()).isEqualTo("Deepa och Linn får fortsatt uppdrag");
		assertThat(view.at("/corrections/0/recordedBy").asText()).isEqualTo("secretary");
	}

	@Test
	void a_revised_discussion_reads_in_place_of_what_was_written_before_and_what_is_written_after_is_added() {
		Story story = new Story(this.run);
		story.record(this.feeder);
		AgendaItemId item4 = AgendaItemId.of("4");
		long position = this.feeder.record(LocalDate.of(2025, 1, 22),
				new DiscussionRevised(story.january, item4, story.strategy,
						"Söder och norr: har koll via processledare.", "norr saknades"),
				new ItemDiscussed(story.january, item4, story.strategy, "Väster: inte påbörjat."));

		JsonNode item = this.reader.json("/api/meetings/" + story.january.value() + "?position=" + position)
			.at("/agenda/0");
		assertThat(item.get("discussion").asText())
			.isEqualTo("Söder och norr: har koll via processledare.\n\nVäster: inte påbörjat.");
		String minutes = this.reader.raw("/api/meetings/" + story.january.value() + "/minutes", "text/html").body();
		assertThat(minutes).contains("Söder och norr: har koll via processledare.")
			.doesNotContain("Söder: har koll via processledare.");

		JsonNode steps = this.reader.json("/api/matters/" + story.strategy.value() + "/history").get("steps");
		assertThat(steps.findValuesAsText("step")).containsSubsequence("DISCUSSED", "DISCUSSION_REVISED", "DISCUSSED");
		assertThat(steps.findValuesAsText("summary")).as("what was written down first stays in the trail")
			.contains("Söder: har koll via processledare.");
	}

	@Test
	void a_referral_taken_back_leaves_the_meeting_its_minutes_and_stays_in_the_trail() {
		Story story = new Story(this.run);
		story.record(this.feeder);
		long position = this.feeder.record(LocalDate.of(2025, 1, 23), new ReferralWithdrawn(story.strategy,
				story.management, story.joint, story.january, AgendaItemId.of("4"), "fel grupp"));

		JsonNode item4 = this.reader.json("/api/meetings/" + story.january.value() + "?position=" + position)
			.at("/agenda/0");
		assertThat(item4.get("referrals")).isEmpty();
		assertThat(this.reader.raw("/api/meetings/" + story.january.value() + "/minutes", "text/html").body())
			.doesNotContain("Skickas till");

		JsonNode steps = this.reader.json("/api/matters/" + story.strategy.value() + "/history").get("steps");
		JsonNode withdrawn = Reader.firstStep(steps, "REFERRAL_WITHDRAWN");
		assertThat(withdrawn.get("bodyId").asText()).isEqualTo(story.joint.value());
		assertThat(withdrawn.get("meetingId").asText()).isEqualTo(story.january.value());
		assertThat(withdrawn.get("summary").asText()).isEqualTo("fel grupp");
		assertThat(steps.findValuesAsText("step")).as("the referral stays in the trail").contains("REFERRED");
	}

	@Test
	void a_deferral_taken_back_leaves_the_item_where_it_was_and_stays_in_the_trail() {
		Story story = new Story(this.run);
		story.record(this.feeder);
		long position = this.feeder.record(LocalDate.of(2025, 1, 22),
				new DeferralWithdrawn(story.january, AgendaItemId.of("5"), story.plan, "beslutades på mötet"));

		JsonNode item5 = this.reader.json("/api/meetings/" + story.january.value() + "?position=" + position)
			.at("/agenda/1");
		assertThat(item5.get("itemId").asText()).isEqualTo("5");
		assertThat(item5.get("deferred").asBoolean()).isFalse();
		assertThat(item5.get("deferredToMeeting").isNull()).isTrue();
		assertThat(this.reader.json("/api/matters/" + story.plan.value() + "/history")
			.get("steps")
			.findValuesAsText("step")).containsSubsequence("DEFERRED", "DEFERRAL_WITHDRAWN");
	}

	@Test
	void each_item_shows_the_assignments_handed_out_the_reports_back_and_the_referrals_made_under_it() {
		Story story = new Story(this.run);
		story.record(this.feeder);
		AssignmentId unnamed = AssignmentId.of("a-gemensam-" + this.run);
		long position = this.feeder.record(LocalDate.of(2025, 5, 22),
				new AssignmentHandedOut(unnamed, story.management, story.may, AgendaItemId.of("4"), story.strategy,
						List.of(Assignee.body(story.joint.value(), null)), "förankra strategin",
						Due.atNextMeetingOf(story.joint), AssignmentKind.MANDATE));

		JsonNode january = this.reader.json("/api/meetings/" + story.january.value() + "?position=" + position);
		JsonNode item4 = january.at("/agenda/0");
		assertThat(item4.get("itemId").asText()).isEqualTo("4");
		JsonNode proposal = item4.at("/assignments/0");
		assertThat(proposal.get("assignmentId").asText()).isEqualTo(story.proposal.value());
		assertThat(proposal.get("description").asText()).isEqualTo("återkomma med förslag på arbetsgrupp");
		assertThat(proposal.at("/assignees/0/name").asText()).isEqualTo("Deepa Singhru");
		assertThat(proposal.at("/due/date").asText()).isEqualTo("2025-05-21");
		assertThat(proposal.at("/due/atMeeting").asText()).isEqualTo(story.may.value());
		assertThat(proposal.at("/due/atMeetingOn").asText()).isEqualTo("2025-05-22");
		assertThat(proposal.at("/due/atMeetingOf").asText()).isEqualTo(story.management.value());
		assertThat(proposal.at("/due/atMeetingOfName").asText()).isEqualTo("Chefsgrupp folkhälsa");
		JsonNode referral = item4.at("/referrals/0");
		assertThat(referral.get("matterTitle").asText()).isEqualTo("Föräldraskapsstödsstrategin");
		assertThat(referral.get("toBody").asText()).isEqualTo(story.joint.value());
		assertThat(referral.get("toBodyName").asText()).isEqualTo("Gemensam chefsgrupp");
		assertThat(referral.get("purpose").asText()).isEqualTo("FOR_ANCHORING");
		assertThat(january.get("referralsWithoutItem")).isEmpty();

		position = this.feeder.record(LocalDate.of(2025, 6, 1),
				new MatterRenamed(story.strategy, "Strategi för föräldraskapsstöd", null));
		assertThat(this.reader.json("/api/meetings/" + story.january.value() + "?position=" + position)
			.at("/agenda/0/referrals/0/matterTitle")
			.asText()).as("the matter as it is called now").isEqualTo("Strategi för föräldraskapsstöd");

		JsonNode may = this.reader.json("/api/meetings/" + story.may.value());
		JsonNode mayItem = may.at("/agenda/0");
		assertThat(mayItem.get("assignments").findValuesAsText("assignmentId")).containsExactly(story.budget.value(),
				unnamed.value());
		assertThat(mayItem.at("/assignments/1/assignees/0/name").asText())
			.as("a body recorded without a name is named by the body")
			.isEqualTo("Gemensam chefsgrupp");
		assertThat(mayItem.at("/assignments/1/kind").asText()).isEqualTo("MANDATE");
		assertThat(mayItem.at("/reportsBack/0/assignmentId").asText()).isEqualTo(story.proposal.value());
		assertThat(mayItem.at("/reportsBack/0/description").asText())
			.as("what the assignment was, handed out at another meeting")
			.isEqualTo("återkomma med förslag på arbetsgrupp");
		assertThat(mayItem.at("/reportsBack/0/summary").asText()).isEqualTo("förslag på arbetsgrupp presenterades");
		assertThat(mayItem.get("referrals")).isEmpty();
		assertThat(may.at("/referralsWithoutItem/0/toBody").asText())
			.as("a referral recorded at the meeting under no item")
			.isEqualTo(story.south.value());
		assertThat(may.at("/referralsWithoutItem/0/note").asText()).isEqualTo("enheten besöker länsdelsgrupp söder");
	}

	@Test
	void a_meeting_is_read_as_of_one_moment_even_while_its_read_model_changes() throws Exception {
		Story story = new Story(this.run);
		long position = story.record(this.feeder);
		this.reader.json("/api/meetings/" + story.may.value() + "?position=" + position);
		String schema = this.readModels.schemaOf("meetings");
		try (Connection holding = this.dataSource.getConnection();
				Connection writing = this.dataSource.getConnection()) {
			holding.setAutoCommit(false);
			try (Statement lock = holding.createStatement()) {
				// the view reads the meeting's row first, then its decisions: held here
				lock.execute("LOCK TABLE " + schema + ".decision IN ACCESS EXCLUSIVE MODE");
			}
			CompletableFuture<JsonNode> view = CompletableFuture
				.supplyAsync(() -> this.reader.json("/api/meetings/" + story.may.value()));
			await().atMost(Duration.ofSeconds(10))
				.alias("the view waits for the decisions, its first statement done")
				.until(() -> waitingForALock(writing));
			try (Statement attend = writing.createStatement()) {
				// committed after the view's first statement, before its others
				attend.execute("INSERT INTO " + schema + ".attendance (meeting_id, person_id, name, status, items) "
						+ "VALUES ('" + story.may.value() + "', 'late-" + this.run
						+ "', 'Sen Ankomst', 'PRESENT', '[]')");
			}
			holding.rollback();

			assertThat(view.get(10, TimeUnit.SECONDS).get("attendance").findValuesAsText("personId"))
				.as("the attendance as it stood when the view began")
				.doesNotContain("late-" + this.run);
		}
		assertThat(
				this.reader.json("/api/meetings/" + story.may.value()).get("attendance").findValuesAsText("personId"))
			.as("and in the next view")
			.contains("late-" + this.run);
	}

	@Test
	void a_person_taken_out_of_the_attendance_leaves_the_meeting_and_its_minutes() {
		Story story = new Story(this.run);
		story.record(this.feeder);
		long recorded = this.feeder.record(LocalDate.of(2025, 5, 22),
				new AttendanceRecorded(story.may, PersonId.of("bo-" + this.run), "Bo Berg", null,
						AttendanceStatus.PRESENT, List.of()),
				new AttendanceRecorded(story.may, PersonId.of("anna-" + this.run), "Anna Andersson", null,
						AttendanceStatus.PRESENT, List.of()));
		assertThat(this.reader.json("/api/meetings/" + story.may.value() + "?position=" + recorded)
			.get("attendance")
			.findValuesAsText("name")).containsExactly("Anna Andersson", "Bo Berg");

		long removed = this.feeder.record(LocalDate.of(2025, 5, 22),
				new AttendanceRemoved(story.may, PersonId.of("bo-" + this.run), "fel person"));

		assertThat(this.reader.json("/api/meetings/" + story.may.value() + "?position=" + removed)
			.get("attendance")
			.findValuesAsText("name")).containsExactly("Anna Andersson");
		assertThat(this.reader.raw("/api/meetings/" + story.may.value() + "/minutes", "text/html").body())
			.contains("Anna Andersson")
			.doesNotContain("Bo Berg");
	}

	private static boolean waitingForALock(Connection connection) throws Exception {
		try (Statement query = connection.createStatement();
				java.sql.ResultSet waiting = query.executeQuery("SELECT count(*) FROM pg_stat_activity "
						+ "WHERE wait_event_type = 'Lock' AND datname = current_database()")) {
			waiting.next();
			return waiting.getLong(1) > 0;
		}
	}

	@Test
	void the_calendar_marks_rescheduled_and_cancelled_meetings() {
		BodyId council = BodyId.of("radet-" + this.run);
		MeetingId april = MeetingId.of("radet-2020-04-24-" + this.run);
		MeetingId september = MeetingId.of("radet-2020-09-11-" + this.run);
		long position = this.feeder.record(LocalDate.of(2020, 3, 20),
				new BodyEstablished(council, "Specifika samverkansrådet", BodyKind.COUNCIL, null, null, null),
				new MeetingScheduled(april, council, new MeetingTime(LocalDate.of(2020, 4, 24), null, null), null,
						MeetingMode.IN_PERSON, false, null),
				new MeetingScheduled(september, council, new MeetingTime(LocalDate.of(2020, 9, 4), null, null), null,
						MeetingMode.IN_PERSON, true, null),
				new MeetingCancelled(april, "inställt"),
				new MeetingRescheduled(september, new MeetingTime(LocalDate.of(2020, 9, 4), null, null),
						new MeetingTime(LocalDate.of(2020, 9, 11), null, null), null, false, null));

		JsonNode calendar = this.reader
			.json("/api/calendar?from=2020-01-01&to=2020-12-31&body=" + council.value() + "&position=" + position);

		assertThat(calendar).hasSize(2);
		assertThat(calendar.get(0).get("meetingId").asText()).isEqualTo(april.value());
		assertThat(calendar.get(0).get("cancelled").asBoolean()).isTrue();
		assertThat(calendar.get(0).get("cancelReason").asText()).isEqualTo("inställt");
		assertThat(calendar.get(1).get("date").asText()).isEqualTo("2020-09-11");
		assertThat(calendar.get(1).get("rescheduled").asBoolean()).isTrue();
		assertThat(calendar.get(1).get("originallyOn").asText()).isEqualTo("2020-09-04");
	}

	@Test
	void an_unknown_meeting_is_not_found() {
		Reader.Response response = this.reader.get("/api/meetings/none-" + this.run);
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	@Test
	void a_position_the_view_does_not_reach_in_time_is_answered_with_503() throws Exception {
		BodyId body = BodyId.of("lansdelsgrupp-" + this.run);
		MeetingId meeting = MeetingId.of("m-" + this.run);
		LocalDate day = LocalDate.of(2025, 2, 12);
		long position;
		try (Connection holding = this.dataSource.getConnection()) {
			holding.setAutoCommit(false);
			try (Statement lock = holding.createStatement()) {
				// the view cannot write its meetings until this transaction ends
				lock.execute("LOCK TABLE " + this.readModels.schemaOf("meetings") + ".meeting IN EXCLUSIVE MODE");
			}
			position = this.feeder.record(day,
					new BodyEstablished(body, "Länsdelsgrupp", BodyKind.COUNTY_PART_GROUP, null, null, null),
					new MeetingScheduled(meeting, body, new MeetingTime(day, null, null), null, MeetingMode.DIGITAL,
							false, null));
			Reader.Response response = this.reader.get("/api/meetings/" + meeting.value() + "?position=" + position);
			assertThat(response.status()).isEqualTo(503);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.body().get("detail").asText()).contains("has not yet caught up");
			holding.rollback();
		}
		// released, the view takes the meeting in, and the same request is answered
		assertThat(this.reader.get("/api/meetings/" + meeting.value() + "?position=" + position).status())
			.isEqualTo(200);
	}

	@Test
	void a_position_past_the_newest_event_in_the_record_is_refused_without_waiting_out_the_bound() {
		long newest = this.feeder.record(LocalDate.of(2025, 2, 12), new BodyEstablished(
				BodyId.of("arbetsgrupp-" + this.run), "Arbetsgrupp", BodyKind.WORKING_GROUP, null, null, null));
		Reader.Response response = this.reader
			.get("/api/calendar?from=2020-01-01&to=2020-12-31&position=" + (newest + 1000));
		assertThat(response.status()).isEqualTo(409);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body().get("code").asText()).isEqualTo("UNKNOWN_POSITION");
		assertThat(response.body().get("newest").asLong()).isGreaterThanOrEqualTo(newest).isLessThan(newest + 1000);
	}

	@Test
	void a_position_below_zero_is_refused_rather_than_waited_for_by_no_one() {
		for (String query : new String[] { "/api/calendar?from=2020-01-01&to=2020-12-31&position=-1",
				"/api/matters?position=-5", "/api/assignments/any?position=-1" }) {
			Reader.Response response = this.reader.get(query);
			assertThat(response.status()).as(query).isEqualTo(400);
			assertThat(response.contentType()).as(query).startsWith("application/problem+json");
			assertThat(response.body().get("code").asText()).as(query).isEqualTo("INVALID_REQUEST");
			assertThat(response.body().at("/errors/0/field").asText()).as(query).isEqualTo("position");
		}
	}

}
