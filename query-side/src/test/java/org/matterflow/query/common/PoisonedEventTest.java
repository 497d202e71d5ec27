package org.matterflow.query.common;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.matterflow.kernel.body.BodyEstablished;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.body.BodyKind;
import org.matterflow.kernel.body.BodyRenamed;
import org.matterflow.kernel.meeting.MeetingCancelled;
import org.matterflow.kernel.meeting.MeetingId;
import org.matterflow.kernel.meeting.MeetingMode;
import org.matterflow.kernel.meeting.MeetingScheduled;
import org.matterflow.kernel.meeting.MeetingTime;
import org.matterflow.query.QuerySideApplication;
import org.matterflow.query.testing.EventFeeder;
import org.matterflow.query.testing.QueryIntegrationTest;
import org.matterflow.query.testing.Reader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event a read model cannot handle is parked in the read model's dead-letter queue
 * with the later events of its aggregate, and the read model goes on with the rest (ADR
 * 0013): a read-your-writes query for a parked event answers 503, the operator sees what
 * was parked and why, and a rebuild by a query side that can read the event takes it in.
 * The integration feed, whose order is public, stops at the event instead of leaving it
 * out (ADR 0007), and resumes with it once it can read it.
 */
@QueryIntegrationTest
// a context and a database of their own, closed after the test: this event store holds
// an event the processors could not read, and the test stops them
@TestPropertySource(properties = "matterflow.read-your-writes.timeout=1s")
@DirtiesContext
class PoisonedEventTest {

	static final LocalDate RECORDED = LocalDate.of(2025, 2, 10);

	@LocalServerPort
	int port;

	@Autowired
	EventFeeder feeder;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ReadModels readModels;

	@Autowired
	MeterRegistry registry;

	@Autowired
	ConfigurableApplicationContext context;

	@Test
	void an_event_a_read_model_cannot_handle_is_parked_with_its_aggregate_and_the_rest_goes_on() {
		BodyId group = BodyId.of("arbetsgrupp-andt");
		MeetingId poisoned = MeetingId.of("andt-2025-03-03");
		MeetingId next = MeetingId.of("andt-2025-04-07");
		long established = this.feeder.record(RECORDED,
				new BodyEstablished(group, "Arbetsgrupp ANDT", BodyKind.WORKING_GROUP, null, null, null));
		Reader operator = new Reader(this.port, "operator");
		Reader auditor = new Reader(this.port, "auditor");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> operator.readModel("meetings").path("position").asLong(-1) >= established);
		// appended and broken in one transaction, so no processor ever sees it whole
		long scheduled = this.transactions.execute((tx) -> {
			long position = this.feeder.record(RECORDED, new MeetingScheduled(poisoned, group,
					new MeetingTime(LocalDate.of(2025, 3, 3), null, null), null, MeetingMode.DIGITAL, false, null));
			assertThat(this.jdbc
				.sql("UPDATE events.domain_event_entry SET payload = replace(payload, ?, ?) "
						+ "WHERE global_index = ?")
				.params("\"2025-03-03\"", "\"3 mars 2025\"", position)
				.update()).isEqualTo(1);
			return position;
		});
		long cancelled = this.feeder.record(RECORDED, new MeetingCancelled(poisoned, "flyttat till april"));
		long nextScheduled = this.feeder.record(RECORDED, new MeetingScheduled(next, group,
				new MeetingTime(LocalDate.of(2025, 4, 7), null, null), null, MeetingMode.DIGITAL, false, null));
		long renamed = this.feeder.record(RECORDED,
				new BodyRenamed(group, "Arbetsgrupp ANDT och spel", "spel om pengar ingår"));

		assertThat(auditor.json("/api/meetings/" + next.value() + "?position=" + nextScheduled).get("date").asText())
			.as("the meetings after the parked one are taken in")
			.isEqualTo("2025-04-07");
		assertThat(auditor.get("/api/meetings/" + poisoned.value()).status()).isEqualTo(404);
		Reader.Response parked = auditor.get("/api/meetings/" + poisoned.value() + "?position=" + cancelled);
		assertThat(parked.status()).isEqualTo(503);
		assertThat(parked.contentType()).startsWith("application/problem+json");
		assertThat(parked.body().get("detail").asText()).contains("position " + cancelled).contains("operator");
		JsonNode meetings = operator.readModel("meetings");
		assertThat(meetings.get("error").asBoolean()).isFalse();
		assertThat(meetings.get("failure").isNull()).isTrue();
		assertThat(meetings.get("position").asLong()).isGreaterThanOrEqualTo(nextScheduled);
		assertThat(meetings.get("deadLetters").asLong()).isEqualTo(2);
		assertThat(this.registry.get("matterflow.readmodel.dead.letters").tag("readmodel", "meetings").gauge().value())
			.isEqualTo(2.0);
		JsonNode letters = operator.json("/actuator/deadletters/meetings");
		assertThat(letters).hasSize(2);
		assertThat(letters.get(0).get("position").asLong()).isEqualTo(scheduled);
		assertThat(letters.get(0).get("aggregate").asText()).isEqualTo("meeting:" + poisoned.value());
		assertThat(letters.get(0).get("cause").asText()).contains("3 mars 2025");
		assertThat(letters.get(1).get("position").asLong()).as("parked behind it, though it could be read")
			.isEqualTo(cancelled);
		assertThat(operator.json("/actuator/deadletters").get("bodies")).isEmpty();
		assertThat(auditor.get("/actuator/deadletters").status()).as("for operators only").isEqualTo(403);
		Reader.Response unknown = operator.get("/actuator/deadletters/minutes");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).isEqualTo("application/problem+json");
		assertThat(unknown.body().get("detail").asText()).startsWith("there is no read model 'minutes'")
			.contains("meetings");
		assertThat(operator.post("/actuator/deadletters/minutes").status()).isEqualTo(404);

		JsonNode retried = operator.post("/actuator/deadletters/meetings").body();
		assertThat(retried.get("aggregatesHandled").asInt()).isZero();
		assertThat(retried.get("aggregatesLeft").asInt()).isEqualTo(1);
		assertThat(retried.get("eventsLeft").asLong()).as("what still fails stays parked").isEqualTo(2);

		JsonNode health = operator.get("/actuator/health").body();
		assertThat(health.at("/components/readModels/status").asText()).isEqualTo("UP");
		assertThat(health.at("/components/readModels/details/meetings/deadLetters").asLong()).isEqualTo(2);
		assertThat(auditor.json("/api/bodies/" + group.value() + "?position=" + renamed).get("name").asText())
			.isEqualTo("Arbetsgrupp ANDT och spel");

		// the feed stops at the event: a consumer paging by position would never see it
		await().atMost(Duration.ofSeconds(30))
			.until(() -> health(operator).at("/components/integrationFeed/status").asText().equals("DOWN"));
		assertThat(health(operator).at("/components/integrationFeed/details/failure").asText()).contains("3 mars 2025");
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(10))
			.alias("tried again and again, never skipped")
			.until(() -> feedPositions(auditor).stream().allMatch((p) -> p < scheduled));

		// The fix ships as a new version of the query side, the stopped one going first;
		// here it is the same code, with the event put right as a corrected upcaster
		// would present it. The feed resumes from its token; the meetings read model,
		// whose dead letters hold the event as it was read, takes it in by a rebuild.
		this.readModels.stop();
		this.context.getBean("feedProcessor", SmartLifecycle.class).stop();
		this.jdbc.sql("UPDATE events.domain_event_entry SET payload = replace(payload, ?, ?) WHERE global_index = ?")
			.params("\"3 mars 2025\"", "\"2025-03-03\"", scheduled)
			.update();
		Environment settings = this.context.getEnvironment();
		try (ConfigurableApplicationContext fixed = QuerySideApplication.builder()
			.profiles("local")
			.run("--server.port=0", "--spring.datasource.url=" + settings.getProperty("spring.datasource.url"),
					"--spring.datasource.username=" + settings.getProperty("spring.datasource.username"),
					"--spring.datasource.password=" + settings.getProperty("spring.datasource.password", ""))) {
			int port = fixed.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			Reader fixedOperator = new Reader(port, "operator");
			Reader fixedAuditor = new Reader(port, "auditor");

			// a slow machine may need long to start
			await().atMost(Duration.ofSeconds(60))
				.until(() -> feedPositions(fixedAuditor).containsAll(List.of(scheduled, cancelled, renamed)));
			assertThat(feedPositions(fixedAuditor)).containsSubsequence(scheduled, cancelled, nextScheduled, renamed);
			assertThat(fixedOperator.readModel("meetings").get("deadLetters").asLong()).isEqualTo(2);

			int generation = fixedOperator.readModel("meetings").get("generation").asInt();
			assertThat(fixedOperator.post("/actuator/readmodels/meetings").status()).isEqualTo(200);
			await().atMost(Duration.ofSeconds(60))
				.until(() -> fixedOperator.readModel("meetings").get("generation").asInt() > generation);
			JsonNode rebuilt = fixedOperator.readModel("meetings");
			assertThat(rebuilt.get("deadLetters").asLong()).as("the old generation's went with it").isZero();
			assertThat(rebuilt.get("error").asBoolean()).isFalse();
			JsonNode taken = fixedAuditor.json("/api/meetings/" + poisoned.value() + "?position=" + cancelled);
			assertThat(taken.get("date").asText()).isEqualTo("2025-03-03");
			assertThat(taken.get("status").asText()).isEqualTo("CANCELLED");
			await().atMost(Duration.ofSeconds(30)).until(() -> fixedOperator.get("/actuator/health").status() == 200);
		}
	}

	private static JsonNode health(Reader operator) {
		return operator.get("/actuator/health").body();
	}

	/** The event store positions of the events the integration feed has published. */
	private static List<Long> feedPositions(Reader reader) {
		List<Long> positions = new ArrayList<>();
		reader.json("/api/events?after=0&limit=1000")
			.get("events")
			.forEach((event) -> positions.add(event.get("globalposition").asLong()));
		return positions;
	}

}
