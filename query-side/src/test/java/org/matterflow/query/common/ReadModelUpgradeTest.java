package org.matterflow.query.common;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.matterflow.query.testing.EventFeeder;
import org.matterflow.query.testing.QueryIntegrationTest;
import org.matterflow.query.testing.Reader;
import org.matterflow.query.testing.Story;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A new version of the query side whose read model changed its tables starts on a store
 * whose serving generation has the tables of the version before. That read model's
 * queries are refused with 503 until the rebuild the start began has taken over; the
 * other read models serve as before.
 */
@QueryIntegrationTest
// a context and a database of their own, closed after the test: the test stops the read
// models and makes one of them look as an older version left it
@DirtiesContext
class ReadModelUpgradeTest {

	@LocalServerPort
	int port;

	@Autowired
	EventFeeder feeder;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	ReadModels readModels;

	@Test
	void a_read_model_whose_tables_changed_answers_503_until_its_new_generation_serves() throws Exception {
		Story story = new Story(UUID.randomUUID().toString().substring(0, 8));
		long position = story.record(this.feeder);
		Reader auditor = new Reader(this.port);
		String register = "/api/matters?body=" + story.south.value();
		JsonNode before = auditor.json(register + "&position=" + position);
		String decisions = "/api/decisions?body=" + story.management.value();
		auditor.json(decisions + "&position=" + position);

		// the store as the version before this one left it: a generation of version 1,
		// without the column this version's register reads
		this.readModels.stop();
		String older = this.readModels.schemaOf("history");
		this.jdbc.sql("UPDATE projections.generation SET version = version - 1 WHERE read_model = 'history'").update();
		this.jdbc.sql("ALTER TABLE " + older + ".matter DROP COLUMN raised_on").update();

		try (Connection holding = this.dataSource.getConnection()) {
			holding.setAutoCommit(false);
			try (Statement lock = holding.createStatement()) {
				// the take-over retires the serving generation's row: held here, the
				// rebuild catches up but cannot take over until the test lets it
				lock.execute("SELECT * FROM projections.generation WHERE read_model = 'history' AND state = 'ACTIVE' "
						+ "FOR UPDATE");
			}
			CompletableFuture.runAsync(this.readModels::start).get(30, TimeUnit.SECONDS);

			Reader.Response refused = auditor.get(register);
			assertThat(refused.status()).as(refused.body().toString()).isEqualTo(503);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.body().get("detail").asText()).contains("history view is being rebuilt for version");
			Reader.Response history = auditor.get("/api/matters/" + story.strategy.value() + "/history");
			assertThat(history.status()).as("every query of that read model").isEqualTo(503);
			assertThat(auditor.get(decisions).status()).as("the other read models serve").isEqualTo(200);
			Reader operator = new Reader(this.port, "operator");
			assertThat(operator.readModel("history").get("answersQueries").asBoolean()).isFalse();
			assertThat(operator.readModel("decisions").get("answersQueries").asBoolean()).isTrue();
			assertThat(operator.raw("/actuator/prometheus", "text/plain").body()).contains(
					"matterflow_readmodel_answering{application=\"matterflow-query-side\",readmodel=\"history\"} 0.0",
					"matterflow_readmodel_answering{application=\"matterflow-query-side\",readmodel=\"decisions\"} 1.0");
			JsonNode health = operator.get("/actuator/health").body();
			assertThat(health.at("/components/readModels/details/history/answersQueries").asBoolean()).isFalse();
			assertThat(health.at("/components/readModels/details/history/rebuilding").asInt())
				.isEqualTo(operator.readModel("history").get("rebuilding").asInt())
				.isPositive();
			Reader.Response retried = operator.post("/actuator/deadletters/history");
			assertThat(retried.status()).as("the generation that would have parked them is not run").isEqualTo(503);
			assertThat(retried.contentType()).startsWith("application/problem+json");
			holding.rollback();
		}

		await().atMost(Duration.ofSeconds(60)).until(() -> auditor.get(register).status() == 200);
		assertThat(auditor.json(register)).isEqualTo(before);
		assertThat(new Reader(this.port, "operator").readModel("history").get("answersQueries").asBoolean()).isTrue();
		assertThat(new Reader(this.port, "operator").raw("/actuator/prometheus", "text/plain").body()).contains(
				"matterflow_readmodel_answering{application=\"matterflow-query-side\",readmodel=\"history\"} 1.0");
		await().atMost(Duration.ofSeconds(30))
			.alias("the generation of the version before is dropped")
			.until(() -> this.jdbc.sql("SELECT count(*) FROM information_schema.schemata WHERE schema_name = ?")
				.param(older)
				.query(Long.class)
				.single() == 0);
	}

	@Test
	void a_rebuild_for_another_version_interrupted_by_a_restart_is_discarded_and_begun_again_for_this_one()
			throws Exception {
		Story story = new Story(UUID.randomUUID().toString().substring(0, 8));
		long position = story.record(this.feeder);
		Reader auditor = new Reader(this.port);
		String register = "/api/matters?body=" + story.south.value();
		JsonNode before = auditor.json(register + "&position=" + position);

		// Served by a generation of the version before this one, a newer version began a
		// rebuild, was stopped in the middle of it and taken back: this version starts.
		this.readModels.stop();
		int version = this.jdbc
			.sql("SELECT version FROM projections.generation WHERE read_model = 'history' AND state = 'ACTIVE'")
			.query(Integer.class)
			.single();
		this.jdbc.sql("UPDATE projections.generation SET version = ? WHERE read_model = 'history' AND state = 'ACTIVE'")
			.param(version - 1)
			.update();
		int interrupted = this.jdbc
			.sql("SELECT max(generation) + 1 FROM projections.generation WHERE read_model = 'history'")
			.query(Integer.class)
			.single();
		this.jdbc
			.sql("INSERT INTO projections.generation (read_model, generation, version, state) "
					+ "VALUES ('history', ?, ?, 'BUILDING')")
			.params(interrupted, version + 1)
			.update();
		this.jdbc.sql("CREATE SCHEMA " + Generation.schema("history", interrupted)).update();
		CompletableFuture.runAsync(this.readModels::start).get(30, TimeUnit.SECONDS);

		Reader operator = new Reader(this.port, "operator");
		await().atMost(Duration.ofSeconds(60))
			.alias("a generation of this version, begun after the interrupted one, serves")
			.until(() -> operator.readModel("history").get("generation").asInt() > interrupted);
		assertThat(this.jdbc
			.sql("SELECT state FROM projections.generation WHERE read_model = 'history' AND generation = ?")
			.param(interrupted)
			.query(String.class)
			.single()).isEqualTo("RETIRED");
		assertThat(this.jdbc.sql("SELECT count(*) FROM information_schema.schemata WHERE schema_name = ?")
			.param(Generation.schema("history", interrupted))
			.query(Long.class)
			.single()).isZero();
		assertThat(auditor.json(register)).isEqualTo(before);
	}

	@Test
	void a_read_model_new_to_a_store_that_holds_events_answers_503_until_it_has_read_them() throws Exception {
		Story story = new Story(UUID.randomUUID().toString().substring(0, 8));
		long position = story.record(this.feeder);
		Reader auditor = new Reader(this.port);
		String register = "/api/matters?body=" + story.south.value();
		JsonNode before = auditor.json(register + "&position=" + position);

		// the store as a version without the history left it: events, and no trace of
		// that read model
		this.readModels.stop();
		String older = this.readModels.schemaOf("history");
		this.jdbc.sql("DELETE FROM projections.generation WHERE read_model = 'history'").update();
		this.jdbc.sql("DROP SCHEMA " + older + " CASCADE").update();
		this.jdbc.sql("DELETE FROM projections.token_entry WHERE processor_name LIKE 'history-%'").update();

		CompletableFuture<Void> starting;
		try (Connection holding = this.dataSource.getConnection()) {
			holding.setAutoCommit(false);
			try (Statement lock = holding.createStatement()) {
				// a new processor writes its token first: held here, the new read
				// model cannot read a single event until the test lets it
				lock.execute("LOCK TABLE projections.token_entry IN EXCLUSIVE MODE");
			}
			starting = CompletableFuture.runAsync(this.readModels::start);

			await().atMost(Duration.ofSeconds(30))
				.alias("refused while it has read nothing")
				.until(() -> auditor.get(register).body().path("detail").asText().contains("new in this version"));
			Reader.Response refused = auditor.get(register);
			assertThat(refused.status()).isEqualTo(503);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(auditor.get("/api/matters/" + story.strategy.value() + "/history").status()).isEqualTo(503);
			Reader operator = new Reader(this.port, "operator");
			Reader.Response parked = operator.get("/actuator/deadletters");
			assertThat(parked.status()).as(String.valueOf(parked.body())).isEqualTo(200);
			assertThat(parked.body().get("history")).isEmpty();
			assertThat(operator.post("/actuator/deadletters/history").status()).isEqualTo(503);
			holding.rollback();
		}
		starting.get(30, TimeUnit.SECONDS);

		AtomicReference<JsonNode> first = new AtomicReference<>();
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			Reader.Response answer = auditor.get(register);
			first.set(answer.body());
			return answer.status() == 200;
		});
		assertThat(first.get()).as("complete from its first answer").isEqualTo(before);
		assertThat(this.jdbc.sql("SELECT state FROM projections.generation WHERE read_model = 'history'")
			.query(String.class)
			.list()).containsExactly("ACTIVE");
	}

}
