package org.matterflow.command.infrastructure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.matterflow.command.testing.Api;
import org.matterflow.command.testing.IntegrationTest;
import org.matterflow.kernel.body.BodyEstablished;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.body.BodyKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.matterflow.command.testing.Api.json;

/**
 * The ordering guarantee every projection relies on: an event whose transaction takes its
 * global index first but commits after later events is still delivered to a tracking
 * processor, because every event-writing transaction is bounded well below the gap
 * timeout.
 */
@IntegrationTest
@TestPropertySource(properties = "axon.eventhandling.processors.late-commit-probe.mode=pooled")
class LateCommitTest {

	@LocalServerPort
	int port;

	@Value("${spring.datasource.url}")
	String url;

	@Value("${spring.datasource.username}")
	String user;

	@Value("${spring.datasource.password}")
	String password;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Probe probe;

	@Test
	void an_event_that_commits_after_later_events_is_still_delivered() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		BodyId late = BodyId.of("late-" + run);
		// a connection of its own, outside the pool's timeouts, so the test is not raced
		// by them
		try (Connection slow = DriverManager.getConnection(this.url, this.user, this.password)) {
			slow.setAutoCommit(false);
			long lateIndex = appendWithoutCommitting(slow,
					new BodyEstablished(late, "Sen grupp", BodyKind.OTHER, null, null, null));

			Api api = new Api(this.port);
			for (int i = 0; i < 3; i++) {
				assertThat(api
					.post("/api/bodies",
							json("{'bodyId':'early-" + i + "-" + run + "','name':'Grupp " + i + "','kind':'OTHER'}"))
					.status()).isEqualTo(201);
			}
			await().atMost(Duration.ofSeconds(30))
				.until(() -> this.probe.seen().stream().filter((id) -> id.endsWith(run)).count() == 3);
			assertThat(this.probe.seen()).doesNotContain(late.value());
			long laterIndex = this.jdbc
				.sql("SELECT max(global_index) FROM events.domain_event_entry WHERE aggregate_identifier LIKE ?")
				.param("body:early-%-" + run)
				.query(Long.class)
				.single();
			assertThat(lateIndex).as("the slow transaction took its place before the later events")
				.isLessThan(laterIndex);

			slow.commit();
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> this.probe.seen().contains(late.value()));
		List<String> ours = this.probe.seen().stream().filter((id) -> id.endsWith(run)).toList();
		assertThat(ours).hasSize(4).last().isEqualTo(late.value());
	}

	@Test
	void event_writing_transactions_are_bounded_well_below_the_gap_timeout() {
		Duration gapTimeout = Duration.ofSeconds(60);
		Duration idle = Duration
			.parse("PT" + this.jdbc
				.sql("SELECT setting FROM pg_settings WHERE name = 'idle_in_transaction_session_timeout'")
				.query(String.class)
				.single() + "S")
			.dividedBy(1000);
		Duration statement = Duration
			.parse("PT" + this.jdbc.sql("SELECT setting FROM pg_settings WHERE name = 'statement_timeout'")
				.query(String.class)
				.single() + "S")
			.dividedBy(1000);
		assertThat(idle).isPositive().isLessThanOrEqualTo(gapTimeout.dividedBy(4));
		assertThat(statement).isPositive().isLessThanOrEqualTo(gapTimeout.dividedBy(4));
	}

	/** Writes an event row exactly as the engine does, leaving the transaction open. */
	private long appendWithoutCommitting(Connection connection, Object payload) throws Exception {
		Serializer serializer = EventStoreConfiguration.jackson();
		SerializedObject<String> data = serializer.serialize(payload, String.class);
		try (PreparedStatement insert = connection.prepareStatement(
				"INSERT INTO events.domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, "
						+ "time_stamp, payload_type, payload_revision, payload, meta_data) VALUES (?, ?, 0, 'BodyAggregate', ?, ?, ?, ?, '{}') "
						+ "RETURNING global_index")) {
			insert.setString(1, UUID.randomUUID().toString());
			insert.setString(2, ((BodyEstablished) payload).bodyId().toString());
			insert.setString(3, Instant.now().toString());
			insert.setString(4, data.getType().getName());
			insert.setString(5, data.getType().getRevision());
			insert.setString(6, data.getData());
			try (var result = insert.executeQuery()) {
				result.next();
				return result.getLong(1);
			}
		}
	}

	@TestConfiguration
	static class ProbeConfiguration {

		@Bean
		Probe probe() {
			return new Probe();
		}

	}

	/**
	 * A tracking event handler that remembers, in order, which bodies it saw established.
	 */
	@ProcessingGroup("late-commit-probe")
	static class Probe {

		private final List<String> seen = new CopyOnWriteArrayList<>();

		@EventHandler
		void on(BodyEstablished event) {
			this.seen.add(event.bodyId().value());
		}

		List<String> seen() {
			return this.seen;
		}

	}

}
