package org.matterflow.query.common;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.matterflow.kernel.body.BodyEstablished;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.body.BodyKind;
import org.matterflow.kernel.body.BodyRenamed;
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
 * An event a read model cannot handle stops that read model where it is instead of being
 * skipped (ADR 0007): its queries answer as before the event, a read-your-writes query
 * past it answers 503, and the operator sees why; read models the event does not concern
 * go on. A query side that can handle the event resumes with that very event.
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
	ConfigurableApplicationContext context;

	@Test
	void an_event_a_read_model_cannot_handle_stops_it_there_and_it_resumes_with_that_event_once_it_can() {
		BodyId group = BodyId.of("arbetsgrupp-andt");
		MeetingId meeting = MeetingId.of("andt-2025-03-03");
		long established = this.feeder.record(RECORDED,
				new BodyEstablished(group, "Arbetsgrupp ANDT", BodyKind.WORKING_GROUP, null, null, null));
		Reader operator = new Reader(this.port, "operator");
		Reader auditor = new Reader(this.port, "auditor");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> operator.readModel("meetings").path("position").asLong(-1) >= established);
		// appended and broken in one transaction, so no processor ever sees it whole
		long scheduled = this.transactions.execute((tx) -> {
			long position = this.feeder.record(RECORDED, new MeetingScheduled(meeting, group,
					new MeetingTime(LocalDate.of(2025, 3, 3), null, null), null, MeetingMode.DIGITAL, false, null));
			assertThat(this.jdbc
				.sql("UPDATE events.domain_event_entry SET payload = replace(payload, ?, ?) "
						+ "WHERE global_index = ?")
				.params("\"2025-03-03\"", "\"3 mars 2025\"", position)
				.update()).isEqualTo(1);
			return position;
		});
		long renamed = this.feeder.record(RECORDED,
				new BodyRenamed(group, "Arbetsgrupp ANDT och spel", "spel om pengar ingår"));

		await().atMost(Duration.ofSeconds(30)).until(() -> operator.readModel("meetings").get("error").asBoolean());
		JsonNode meetings = operator.readModel("meetings");
		assertThat(meetings.get("failure").asText()).contains("at position " + scheduled)
			.contains("MeetingScheduled")
			.contains("3 mars 2025");
		assertThat(meetings.get("position").asLong()).isBetween(established, scheduled - 1);
		assertThat(meetings.get("lag").asLong()).isGreaterThanOrEqualTo(renamed - scheduled + 1);
		Reader.Response waiting = auditor.get("/api/meetings/" + meeting.value() + "?position=" + scheduled);
		assertThat(waiting.status()).isEqualTo(503);
		assertThat(waiting.contentType()).startsWith("application/problem+json");
		Reader.Response down = operator.get("/actuator/health");
		assertThat(down.status()).isEqualTo(503);
		JsonNode health = down.body();
		assertThat(health.get("status").asText()).isEqualTo("DOWN");
		assertThat(health.at("/components/readModels/details/meetings/failure").asText()).contains("3 mars 2025");

		assertThat(health.at("/components/integrationFeed/status").asText()).isEqualTo("DOWN");
		assertThat(health.at("/components/integrationFeed/details/failure").asText()).contains("3 mars 2025");
		assertThat(feedPositions(auditor)).as("the feed publishes nothing from the event on")
			.allMatch((p) -> p < scheduled);

		JsonNode bodies = operator.readModel("bodies");
		assertThat(bodies.get("error").asBoolean()).isFalse();
		assertThat(bodies.get("failure").isNull()).isTrue();
		assertThat(auditor.json("/api/bodies/" + group.value() + "?position=" + renamed).get("name").asText())
			.isEqualTo("Arbetsgrupp ANDT och spel");

		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(10))
			.alias("tried again and again, never skipped")
			.until(() -> operator.readModel("meetings").get("position").asLong() < scheduled
					&& feedPositions(auditor).stream().allMatch((p) -> p < scheduled));

		// The fix ships as a new version of the query side, the stopped one going first;
		// here it is the same code, with the event put right as a corrected upcaster
		// would present it. It resumes each read model and the feed from its token.
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

			// read-your-writes waits 5 s there; a slow machine may need longer to start
			await().atMost(Duration.ofSeconds(60))
				.until(() -> fixedAuditor.get("/api/meetings/" + meeting.value() + "?position=" + renamed)
					.status() == 200);
			JsonNode scheduledMeeting = fixedAuditor.json("/api/meetings/" + meeting.value());
			assertThat(scheduledMeeting.get("date").asText()).isEqualTo("2025-03-03");
			JsonNode resumed = fixedOperator.readModel("meetings");
			assertThat(resumed.get("error").asBoolean()).isFalse();
			assertThat(resumed.get("failure").isNull()).isTrue();
			assertThat(resumed.get("position").asLong()).isGreaterThanOrEqualTo(renamed);
			await().atMost(Duration.ofSeconds(30)).until(() -> fixedOperator.get("/actuator/health").status() == 200);
			assertThat(feedPositions(fixedAuditor)).containsSubsequence(scheduled, renamed);
		}
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
