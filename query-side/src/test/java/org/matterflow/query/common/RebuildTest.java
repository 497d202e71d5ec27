package org.matterflow.query.common;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.matterflow.kernel.meeting.MeetingCancelled;
import org.matterflow.kernel.meeting.MeetingId;
import org.matterflow.kernel.meeting.MeetingMode;
import org.matterflow.kernel.meeting.MeetingScheduled;
import org.matterflow.kernel.meeting.MeetingTime;
import org.matterflow.query.testing.EventFeeder;
import org.matterflow.query.testing.QueryIntegrationTest;
import org.matterflow.query.testing.Reader;
import org.matterflow.query.testing.Story;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A read model rebuilt from the event store, while the old generation keeps serving,
 * reads back exactly as the live one did.
 */
@QueryIntegrationTest
class RebuildTest {

	@LocalServerPort
	int port;

	@Autowired
	EventFeeder feeder;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReadModels readModels;

	@Test
	void every_read_model_rebuilt_from_the_events_equals_the_live_one() {
		Story story = new Story(UUID.randomUUID().toString().substring(0, 8));
		long position = story.record(this.feeder);
		Reader reader = new Reader(this.port);
		String[] views = { "/api/matters/" + story.strategy.value() + "/history",
				"/api/matters?body=" + story.south.value(),
				"/api/bodies/" + story.management.value() + "/agenda?on=2025-02-01",
				"/api/assignments?status=all&body=" + story.management.value(),
				"/api/decisions?body=" + story.management.value(), "/api/meetings/" + story.may.value(),
				"/api/calendar?from=2025-01-01&to=2025-12-31",
				"/api/bodies/" + story.management.value() + "?on=2025-01-22" };
		JsonNode[] before = new JsonNode[views.length];
		for (int i = 0; i < views.length; i++) {
			before[i] = reader.json(views[i] + (views[i].contains("?") ? "&" : "?") + "position=" + position);
		}

		Reader operator = new Reader(this.port, "operator");
		for (String readModel : new String[] { "history", "agenda", "assignments", "decisions", "meetings",
				"bodies" }) {
			int generation = generationOf(operator, readModel);
			String retiredProcessor = readModel + "-" + generation;
			// other test contexts in this JVM may run a processor of the same name
			long threadsBefore = threadsOf(retiredProcessor);
			Reader.Response started = operator.post("/actuator/readmodels/" + readModel);
			assertThat(started.status()).as(started.body().toString()).isEqualTo(200);
			assertThat(reader.get(views[0]).status()).as("the old generation keeps serving").isEqualTo(200);
			await().atMost(Duration.ofSeconds(60)).until(() -> generationOf(operator, readModel) > generation);
			String retired = readModel + "_" + generation;
			await().atMost(Duration.ofSeconds(30))
				.alias("the retired generation is dropped")
				.until(() -> this.jdbc.sql("SELECT count(*) FROM information_schema.schemata WHERE schema_name = ?")
					.param(retired)
					.query(Long.class)
					.single() == 0);
			await().atMost(Duration.ofSeconds(30))
				.alias("the retired generation's threads end")
				.until(() -> threadsOf(retiredProcessor) == threadsBefore - 2);
		}

		for (int i = 0; i < views.length; i++) {
			assertThat(reader.json(views[i])).as(views[i]).isEqualTo(before[i]);
		}
	}

	private static long threadsOf(String processor) {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().equals("coordinator-" + processor)
					|| thread.getName().equals("worker-" + processor))
			.count();
	}

	@Test
	void a_rebuilt_generation_has_planner_statistics_when_it_takes_over() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		Story story = new Story(run);
		story.record(this.feeder);
		// a row in each of the read model's tables
		this.feeder.record(LocalDate.of(2025, 8, 1), new MeetingCancelled(story.southAugust, "semester"));
		this.feeder.record(LocalDate.of(2024, 1, 1),
				new MeetingScheduled(MeetingId.of("soder-2024-" + run), story.south,
						new MeetingTime(LocalDate.of(2024, 1, 1), null, null, MeetingTime.DatePrecision.YEAR), null,
						MeetingMode.IN_PERSON, false, null));
		Reader operator = new Reader(this.port, "operator");
		int generation = generationOf(operator, "assignments");

		assertThat(operator.post("/actuator/readmodels/assignments").status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(60)).until(() -> generationOf(operator, "assignments") > generation);

		String schema = "assignments_" + generationOf(operator, "assignments");
		assertThat(this.jdbc.sql("SELECT DISTINCT tablename FROM pg_stats WHERE schemaname = ? ORDER BY 1")
			.param(schema)
			.query(String.class)
			.list()).as("tables of %s that the planner has statistics of", schema)
			.containsExactly("assignee", "assignment", "assignment_words", "body", "cancelled_meeting",
					"undated_meeting");
	}

	@Test
	void a_rebuilt_generation_waits_to_take_over_until_the_serving_one_says_how_far_it_has_read() {
		Story story = new Story(UUID.randomUUID().toString().substring(0, 8));
		long position = story.record(this.feeder);
		Reader operator = new Reader(this.port, "operator");
		int generation = generationOf(operator, "decisions");
		// as after a restart, while a stopped process still holds the segment's claim
		PooledStreamingEventProcessor serving = this.readModels.servingProcessor("decisions");
		serving.releaseSegment(0, 5, TimeUnit.MINUTES);
		await().atMost(Duration.ofSeconds(10)).until(() -> serving.processingStatus().isEmpty());

		assertThat(operator.post("/actuator/readmodels/decisions").status()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(60))
			.alias("the rebuilt generation reads every event")
			.until(() -> operator.readModel("decisions").path("rebuildPosition").asLong(-1) >= position);
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(10))
			.alias("yet does not take over while the serving one holds no segment")
			.until(() -> generationOf(operator, "decisions") == generation);

		// the claim runs out
		assertThat(serving.claimSegment(0)).succeedsWithin(Duration.ofSeconds(30)).isEqualTo(true);
		await().atMost(Duration.ofSeconds(60)).until(() -> generationOf(operator, "decisions") > generation);
		assertThat(this.readModels.servingProcessor("decisions").processingStatus()).isNotEmpty();
	}

	@Test
	void rebuilding_a_read_model_that_does_not_exist_is_refused_naming_those_that_do() {
		Reader.Response refused = new Reader(this.port, "operator").post("/actuator/readmodels/minutes");
		assertThat(refused.status()).isEqualTo(404);
		assertThat(refused.contentType()).isEqualTo("application/problem+json");
		assertThat(refused.body().get("code").asText()).isEqualTo("UNKNOWN_ID");
		assertThat(refused.body().get("detail").asText()).isEqualTo(
				"there is no read model 'minutes'; the read models are " + String.join(", ", this.readModels.names()));
	}

	@Test
	void rebuilding_needs_the_operator_role() {
		assertThat(new Reader(this.port, "auditor").post("/actuator/readmodels/history").status()).isEqualTo(403);
	}

	private static int generationOf(Reader operator, String readModel) {
		return operator.readModel(readModel).get("generation").asInt();
	}

}
