package org.matterflow.query.history;

import java.net.http.HttpResponse;
import java.time.LocalDate;
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
import org.matterflow.kernel.meeting.AgendaItemId;
import org.matterflow.kernel.meeting.DecisionId;
import org.matterflow.kernel.meeting.DecisionKind;
import org.matterflow.kernel.meeting.DecisionTaken;
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
				+ "businessDate,recordedAt,recordedBy,summary,details,eventId,position\r\n");
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
