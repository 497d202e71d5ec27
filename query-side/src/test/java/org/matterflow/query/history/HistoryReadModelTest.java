package org.matterflow.query.history;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.matterflow.kernel.assignment.AssignmentBecameOverdue;
import org.matterflow.kernel.matter.MatterClosed;
import org.matterflow.kernel.matter.MatterId;
import org.matterflow.kernel.matter.MatterQueued;
import org.matterflow.kernel.matter.MatterRaised;
import org.matterflow.kernel.matter.MatterReferred;
import org.matterflow.kernel.matter.MatterRemovedFromBacklog;
import org.matterflow.kernel.matter.ReferralPurpose;
import org.matterflow.kernel.matter.ReferralWithdrawn;
import org.matterflow.kernel.meeting.AgendaItemId;
import org.matterflow.kernel.meeting.DecisionId;
import org.matterflow.kernel.meeting.DecisionKind;
import org.matterflow.kernel.meeting.DecisionTaken;
import org.matterflow.kernel.meeting.DecisionWithdrawn;
import org.matterflow.kernel.meeting.DeferralWithdrawn;
import org.matterflow.kernel.meeting.MeetingId;
import org.matterflow.kernel.meeting.MeetingMode;
import org.matterflow.kernel.meeting.MeetingScheduled;
import org.matterflow.kernel.meeting.MeetingTime;
import org.matterflow.query.common.ReadModels;
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
class HistoryReadModelTest {

	@LocalServerPort
	int port;

	@Autowired
	EventFeeder feeder;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	ReadModels readModels;

	@Test
	void the_steps_of_a_matter_read_as_csv_one_row_a_step_each_naming_its_matter() {
		Story story = new Story(UUID.randomUUID().toString().substring(0, 8));
		long position = story.record(this.feeder);
		Reader reader = new Reader(this.port);
		JsonNode history = reader.json("/api/matters/" + story.strategy.value() + "/history?position=" + position);

		HttpResponse<String> csv = reader.raw("/api/matters/" + story.strategy.value() + "/history?format=csv", "*/*");

		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
		assertThat(csv.headers().firstValue("Content-Disposition"))
			.hasValue("attachment; filename=\"" + story.strategy.value() + "-history.csv\"");
		assertThat(csv.body()).startsWith("matterId,step,bodyId,bodyName,meetingId,itemId,decisionId,assignmentId,"
				+ "businessDate,businessDatePrecision,recordedAt,recordedBy,summary,details,eventId,position,takenBackBy\r\n");
		List<String> lines = csv.body().lines().toList();
		assertThat(lines).as("the header and one line a step").hasSize(history.get("steps").size() + 1);
		assertThat(lines.get(1)).startsWith(story.strategy.value() + ",RAISED," + story.management.value());

		HttpResponse<String> unknown = reader.raw("/api/matters/no-such-matter/history", "text/csv");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void a_matter_that_moved_through_three_bodies_reads_back_step_by_step_in_order() {
		Story story = new Story(UUID.randomUUID().toString().substring(0, 8));
		long position = story.record(this.feeder);

		JsonNode history = new Reader(this.port)
			.json("/api/matters/" + story.strategy.value() + "/history?position=" + position);

		assertThat(history.get("title").asText()).isEqualTo("Föräldraskapsstödsstrategin");
		assertThat(history.get("reference").asText()).isEqualTo("RS 2023/123");
		assertThat(history.get("steps").findValuesAsText("step")).containsExactly("RAISED", "PLACED_ON_AGENDA",
				"DISCUSSED", "DECIDED", "ASSIGNMENT_HANDED_OUT", "REFERRED", "PLACED_ON_AGENDA", "DECIDED",
				"ASSIGNMENT_HANDED_OUT", "REFERRED", "REPORTED_BACK", "ASSIGNMENT_COMPLETED", "CORRECTED");
		assertThat(history.get("path").findValuesAsText("bodyId")).containsExactly(story.management.value(),
				story.joint.value(), story.management.value(), story.south.value(), story.management.value());

		JsonNode decided = history.at("/steps/3");
		assertThat(decided.get("bodyId").asText()).isEqualTo(story.management.value());
		assertThat(decided.get("bodyName").asText()).isEqualTo("Chefsgrupp folkhälsa");
		assertThat(decided.get("meetingId").asText()).isEqualTo(story.january.value());
		assertThat(decided.get("itemId").asText()).isEqualTo("4");
		assertThat(decided.get("decisionId").asText()).isEqualTo("d-4");
		assertThat(decided.get("businessDate").asText()).isEqualTo("2025-01-22");
		assertThat(decided.get("recordedAt").asText()).isNotBlank();
		assertThat(decided.get("recordedBy").asText()).isEqualTo("maria");
		assertThat(decided.get("eventId").asText()).isNotBlank();
		assertThat(decided.get("position").asLong()).isPositive();
		assertThat(decided.at("/details/kind").asText()).isEqualTo("HAND_OUT_ASSIGNMENT");

		JsonNode referred = history.at("/steps/5");
		assertThat(referred.get("bodyId").asText()).isEqualTo(story.joint.value());
		assertThat(referred.at("/details/fromBody").asText()).isEqualTo(story.management.value());
		assertThat(referred.at("/details/purpose").asText()).isEqualTo("FOR_ANCHORING");
		assertThat(referred.get("meetingId").asText()).isEqualTo(story.january.value());
		assertThat(referred.get("itemId").asText()).as("the item the referral was decided under").isEqualTo("4");
		assertThat(history.at("/steps/9/itemId").isNull()).as("a referral recorded without its item").isTrue();

		JsonNode reportedBack = history.at("/steps/10");
		assertThat(reportedBack.get("assignmentId").asText()).isEqualTo(story.proposal.value());
		assertThat(reportedBack.get("meetingId").asText()).isEqualTo(story.may.value());

		JsonNode corrected = history.at("/steps/12");
		assertThat(corrected.get("recordedBy").asText()).isEqualTo("auditor-fix");
		assertThat(corrected.get("businessDate").asText()).isEqualTo("2025-06-02");
		assertThat(corrected.at("/details/original").asText()).isEqualTo("Arbetsgruppens uppdrag beslutades");
		assertThat(corrected.at("/details/correction").asText()).endsWith("med tillägg om länsdelarna");
		assertThat(corrected.at("/details/reason").asText()).isEqualTo("tillägg saknades");
		assertThat(history.at("/steps/7/summary").asText())
			.as("the decision as first recorded stays in the trail beside its correction")
			.isEqualTo("Arbetsgruppens uppdrag beslutades");

		List<Long> positions = history.get("steps").findValues("position").stream().map(JsonNode::asLong).toList();
		assertThat(positions).isSorted();
	}

	@Test
	void a_deferral_shows_in_the_history_of_the_deferred_matter() {
		Story story = new Story(UUID.randomUUID().toString().substring(0, 8));
		long position = story.record(this.feeder);
		JsonNode history = new Reader(this.port)
			.json("/api/matters/" + story.plan.value() + "/history?position=" + position);
		assertThat(history.get("steps").findValuesAsText("step")).containsExactly("RAISED", "PLACED_ON_AGENDA",
				"DEFERRED", "QUEUED");
		assertThat(history.at("/steps/2/details/toMeeting").asText()).isEqualTo(story.may.value());
	}

	@Test
	void a_step_taken_back_stays_in_the_trail_marked_and_a_body_the_matter_was_sent_to_by_mistake_leaves_its_path() {
		Story story = new Story(UUID.randomUUID().toString().substring(0, 8));
		long recorded = story.record(this.feeder);
		Reader reader = new Reader(this.port);
		String south = "/api/matters?body=" + story.south.value() + "&position=";
		assertThat(reader.json(south + recorded).findValuesAsText("matterId"))
			.containsExactlyInAnyOrder(story.strategy.value(), story.plan.value());

		long withdrawn = this.feeder.record("maria", LocalDate.of(2025, 5, 23),
				new ReferralWithdrawn(story.strategy, story.management, story.south, story.may, null, "fel länsdel"),
				new MatterRemovedFromBacklog(story.plan, story.south, "fel grupp"),
				new DecisionWithdrawn(story.january, DecisionId.of("d-4"), AgendaItemId.of("4"), story.strategy,
						"fel möte"),
				new DeferralWithdrawn(story.january, AgendaItemId.of("5"), story.plan, "togs upp ändå"));

		JsonNode strategy = reader.json("/api/matters/" + story.strategy.value() + "/history?position=" + withdrawn);
		JsonNode steps = strategy.get("steps");
		JsonNode toSouth = steps.get(9);
		assertThat(toSouth.get("step").asText()).isEqualTo("REFERRED");
		assertThat(toSouth.get("takenBackBy").asText())
			.isEqualTo(Reader.firstStep(steps, "REFERRAL_WITHDRAWN").get("eventId").asText());
		assertThat(steps.get(5).get("takenBackBy").isNull()).as("the referral to the joint group stands").isTrue();
		assertThat(steps.get(3).get("takenBackBy").asText())
			.as("the decision of January, not the one of May with the same id")
			.isEqualTo(Reader.firstStep(steps, "DECISION_WITHDRAWN").get("eventId").asText());
		assertThat(steps.get(7).get("takenBackBy").isNull()).isTrue();
		assertThat(strategy.get("path").findValuesAsText("bodyId")).containsExactly(story.management.value(),
				story.joint.value(), story.management.value());

		JsonNode plan = reader.json("/api/matters/" + story.plan.value() + "/history").get("steps");
		assertThat(plan.findValuesAsText("step")).containsExactly("RAISED", "PLACED_ON_AGENDA", "DEFERRED", "QUEUED",
				"REMOVED_FROM_BACKLOG", "DEFERRAL_WITHDRAWN");
		assertThat(plan.get(2).get("takenBackBy").asText()).isEqualTo(plan.get(5).get("eventId").asText());
		assertThat(plan.get(3).get("takenBackBy").asText()).isEqualTo(plan.get(4).get("eventId").asText());
		assertThat(reader.json(south + withdrawn)).as("neither matter passed through the south group").isEmpty();
		assertThat(reader.json("/api/matters?body=" + story.joint.value()).findValuesAsText("matterId"))
			.containsExactly(story.strategy.value());
	}

	@Test
	void a_matter_raised_at_a_protocol_dated_only_to_its_year_is_known_to_the_year_in_its_history_and_the_register() {
		Story story = new Story(UUID.randomUUID().toString().substring(0, 8));
		story.record(this.feeder);
		MatterId theme = MatterId.of("tema-genus-" + story.run);
		long raised = this.feeder.recordInYear("importer", 2024,
				new MatterRaised(theme, story.management, "Tema genus " + story.run, null, null),
				new MatterQueued(theme, story.management, null, "tema till kommande möte"));
		long closed = this.feeder.record("maria", LocalDate.of(2025, 3, 1),
				new MatterClosed(theme, "behandlat på temadagen"));
		Reader reader = new Reader(this.port);

		JsonNode history = reader.json("/api/matters/" + theme.value() + "/history?position=" + closed);
		assertThat(history.get("raisedOn").asText()).isEqualTo("2024-01-01");
		assertThat(history.get("raisedOnPrecision").asText()).isEqualTo("YEAR");
		assertThat(history.get("closedOn").asText()).isEqualTo("2025-03-01");
		assertThat(history.get("closedOnPrecision").asText()).isEqualTo("DAY");
		assertThat(history.get("steps").findValuesAsText("businessDatePrecision")).containsExactly("YEAR", "YEAR",
				"DAY");
		assertThat(history.at("/path/0/fromPrecision").asText()).isEqualTo("YEAR");

		JsonNode listed = reader.json("/api/matters?raisedFrom=2024-01-01&raisedTo=2024-01-01&q=" + story.run);
		assertThat(listed.findValuesAsText("matterId")).containsExactly(theme.value());
		assertThat(listed.at("/0/raisedOnPrecision").asText()).isEqualTo("YEAR");
		assertThat(listed.at("/0/lastStep/businessDatePrecision").asText()).isEqualTo("DAY");
		assertThat(reader.json("/api/matters/" + story.strategy.value() + "/history?position=" + raised)
			.get("raisedOnPrecision")
			.asText()).as("a matter raised on a known day").isEqualTo("DAY");
	}

	/**
	 * Events imported before precisions were kept carry none: they are known as precisely
	 * as the meeting they were recorded at, or whose record imported them. A record
	 * raises and closes the matters it lists before it schedules its meeting.
	 */
	@Test
	void what_an_undated_protocol_recorded_before_precisions_were_kept_is_known_to_the_year_of_its_meeting() {
		Story story = new Story(UUID.randomUUID().toString().substring(0, 8));
		story.record(this.feeder);
		MeetingId council = MeetingId.of("radet-2024-" + story.run);
		MeetingId september = MeetingId.of("cg-2025-09-01-" + story.run);
		MatterId theme = MatterId.of("tema-genus-" + story.run);
		MatterId done = MatterId.of("tema-jamlikhet-" + story.run);
		LocalDate year2024 = LocalDate.of(2024, 1, 1);
		this.feeder.recordImportedBeforePrecisions(council, year2024,
				new MatterRaised(theme, story.management, "Tema genus " + story.run, null, null),
				new MatterRaised(done, story.management, "Tema jämlikhet " + story.run, null, null),
				new MatterClosed(done, "behandlat"));
		this.feeder.recordImportedBeforePrecisions(council, year2024,
				new MeetingScheduled(council, story.management,
						new MeetingTime(year2024, null, null, MeetingTime.DatePrecision.YEAR), null,
						MeetingMode.IN_PERSON, false, null));
		this.feeder.recordImportedBeforePrecisions(council, year2024, new MatterReferred(theme, story.management,
				story.south, ReferralPurpose.FOR_INFORMATION, council, null, "till länsdelarna"));
		this.feeder.recordImportedBeforePrecisions(september, LocalDate.of(2025, 9, 1),
				new MeetingScheduled(september, story.management, new MeetingTime(LocalDate.of(2025, 9, 1), null, null),
						null, MeetingMode.IN_PERSON, false, null));
		long last = this.feeder.recordImportedBeforePrecisions(
				september, LocalDate.of(2025, 9, 1), new MatterReferred(theme, story.management, story.joint,
						ReferralPurpose.FOR_DECISION, september, null, "till gemensamma chefsdagen"),
				new MatterClosed(theme, "lämnat vidare"));
		Reader reader = new Reader(this.port);

		JsonNode history = reader.json("/api/matters/" + theme.value() + "/history?position=" + last);
		assertThat(history.get("raisedOnPrecision").asText()).as("from the meeting whose record raised it")
			.isEqualTo("YEAR");
		assertThat(history.get("steps").findValuesAsText("businessDatePrecision"))
			.as("a meeting on the first of a month is known to the day")
			.containsExactly("YEAR", "YEAR", "DAY", "DAY");
		assertThat(history.get("closedOnPrecision").asText()).isEqualTo("DAY");
		JsonNode closed = reader.json("/api/matters/" + done.value() + "/history");
		assertThat(closed.get("closedOnPrecision").asText()).isEqualTo("YEAR");
		assertThat(closed.get("steps").findValuesAsText("businessDatePrecision")).containsExactly("YEAR", "YEAR");
		JsonNode listed = reader.json("/api/matters?status=all&q=" + story.run + "&raisedTo=2024-12-31");
		assertThat(listed.findValuesAsText("matterId")).containsExactly(theme.value(), done.value());
		assertThat(listed.findValuesAsText("raisedOnPrecision")).containsExactly("YEAR", "YEAR");
	}

	@Test
	void a_referral_sent_twice_and_taken_back_once_leaves_the_body_in_the_path_by_the_one_that_stands() {
		Story story = new Story(UUID.randomUUID().toString().substring(0, 8));
		story.record(this.feeder);
		MatterReferred again = new MatterReferred(story.strategy, story.management, story.south,
				ReferralPurpose.FOR_INFORMATION, story.may, null, "enheten besöker länsdelsgrupp söder");
		this.feeder.record("maria", LocalDate.of(2025, 5, 23), again);
		long withdrawn = this.feeder.record("maria", LocalDate.of(2025, 5, 23),
				new ReferralWithdrawn(story.strategy, story.management, story.south, story.may, null, "dubblett"));

		JsonNode steps = new Reader(this.port)
			.json("/api/matters/" + story.strategy.value() + "/history?position=" + withdrawn)
			.get("steps");
		List<JsonNode> referred = new ArrayList<>();
		steps.forEach((step) -> {
			if (step.get("step").asText().equals("REFERRED")
					&& step.get("bodyId").asText().equals(story.south.value())) {
				referred.add(step);
			}
		});
		assertThat(referred).hasSize(2);
		assertThat(referred.get(0).get("takenBackBy").isNull()).as("the first stands").isTrue();
		assertThat(referred.get(1).get("takenBackBy").isNull()).as("the last one standing is taken back").isFalse();
		assertThat(new Reader(this.port).json("/api/matters?body=" + story.south.value()).findValuesAsText("matterId"))
			.contains(story.strategy.value());
	}

	/**
	 * The projection keeps a meeting's body and an assignment's matter in memory once it
	 * has seen them recorded; one that starts on a store recorded before (a restart)
	 * reads them from its lookup tables instead.
	 */
	@Test
	void a_step_recorded_after_a_restart_names_the_body_of_its_meeting_and_the_matter_of_its_assignment() {
		Story story = new Story(UUID.randomUUID().toString().substring(0, 8));
		long position = story.record(this.feeder);
		new Reader(this.port).json("/api/matters/" + story.strategy.value() + "/history?position=" + position);
		String schema = this.readModels.schemaOf("history");
		HistoryProjection restarted = new HistoryProjection(new Statements(this.jdbcTemplate, schema));

		DecisionTaken decided = new DecisionTaken(story.may, DecisionId.of("d-9"), AgendaItemId.of("4"), story.strategy,
				DecisionKind.ADOPT_PROPOSAL, "Budgeten fastställdes");
		EventMessage<DecisionTaken> decidedMessage = recorded(decided);
		restarted.on(decided, decidedMessage, new GlobalSequenceTrackingToken(position + 1));
		AssignmentBecameOverdue overdue = new AssignmentBecameOverdue(story.budget, LocalDate.of(2099, 12, 31));
		EventMessage<AssignmentBecameOverdue> overdueMessage = recorded(overdue);
		restarted.on(overdue, overdueMessage, new GlobalSequenceTrackingToken(position + 2));

		assertThat(stepOf(schema, decidedMessage)).containsExactly(story.strategy.value(), story.management.value());
		assertThat(stepOf(schema, overdueMessage)).containsExactly(story.strategy.value(), story.management.value());
	}

	private static <T> EventMessage<T> recorded(T payload) {
		return new GenericEventMessage<>(payload,
				MetaData.with("recordedBy", "maria").and("businessDate", "2025-09-01"));
	}

	/** The matter and body of the step an event recorded. */
	private List<String> stepOf(String schema, EventMessage<?> message) {
		return this.jdbc.sql("SELECT matter_id, body_id FROM " + schema + ".step WHERE event_id = ?")
			.param(message.getIdentifier())
			.query((rs, n) -> Arrays.asList(rs.getString(1), rs.getString(2)))
			.single();
	}

	@Test
	void an_unknown_matter_has_no_history() {
		assertThat(new Reader(this.port).get("/api/matters/unknown-matter/history").status()).isEqualTo(404);
	}

}
