package org.matterflow.query.common;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.matterflow.query.QuerySideApplication;
import org.matterflow.query.testing.EventFeeder;
import org.matterflow.query.testing.QueryIntegrationTest;
import org.matterflow.query.testing.Reader;
import org.matterflow.query.testing.Story;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A new version whose read model changed its tables prepares its generation beside the
 * version that serves (profile {@code prepare-upgrade}), so that its own start takes over
 * from a generation near the head of the store instead of rebuilding while that read
 * model's queries answer 503.
 *
 * The test's context stands for the version that serves: the register says its history
 * generation is of the version before this one, while the context, started before that,
 * serves it as its own. The preparing process is this version, in a second context.
 */
@QueryIntegrationTest
// a context and a database of their own: the tests stop the read models and rewrite the
// register of generations
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class UpgradePreparationTest {

	@LocalServerPort
	int port;

	@Autowired
	EventFeeder feeder;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	@Autowired
	ReadModels readModels;

	@Test
	void an_upgrade_prepared_beside_the_serving_version_takes_over_at_its_start_without_a_rebuild() throws Exception {
		Story first = new Story(UUID.randomUUID().toString().substring(0, 8));
		long position = first.record(this.feeder);
		Reader auditor = new Reader(this.port);
		String register = "/api/matters?body=" + first.south.value();
		JsonNode before = auditor.json(register + "&position=" + position);
		int serving = generation("history", "ACTIVE");
		int version = servingVersion("history");
		this.jdbc.sql("UPDATE projections.generation SET version = version - 1 WHERE read_model = 'history'").update();

		// recorded after the serving version's last start: it serves this, and the
		// preparation reads it
		Story second = new Story(UUID.randomUUID().toString().substring(0, 8));
		long later = second.record(this.feeder);

		CompletableFuture<ConfigurableApplicationContext> preparing = CompletableFuture.supplyAsync(this::prepare);
		assertThat(auditor.get("/api/matters?body=" + second.south.value() + "&position=" + later).status())
			.as("the serving version answers while the upgrade is prepared")
			.isEqualTo(200);
		try (ConfigurableApplicationContext prepared = preparing.get(60, TimeUnit.SECONDS)) {
			assertThat(prepared).isNotInstanceOf(WebServerApplicationContext.class);
			assertThat(QuerySideApplication.preparesUpgrade(prepared)).isTrue();
			assertThat(((Lifecycle) prepared.getBean("feedProcessor")).isRunning())
				.as("the integration feed is the serving version's")
				.isFalse();
			assertThat(((Lifecycle) prepared.getBean("webhookDispatcher")).isRunning()).isFalse();
		}
		int built = generation("history", "BUILDING");
		assertThat(built).isGreaterThan(serving);
		assertThat(this.jdbc
			.sql("SELECT version FROM projections.generation WHERE read_model = 'history' AND generation = ?")
			.param(built)
			.query(Integer.class)
			.single()).isEqualTo(version);
		assertThat(this.jdbc.sql("SELECT count(*) FROM projections.generation WHERE state = 'BUILDING'")
			.query(Long.class)
			.single()).as("the other read models' tables did not change").isOne();
		assertThat(historyReadUpTo(built)).as("the prepared generation has read what was recorded meanwhile")
			.isGreaterThanOrEqualTo(later);
		assertThat(new Reader(this.port, "operator").readModel("history").get("generation").asInt())
			.as("the serving version still serves its own generation")
			.isEqualTo(serving);
		assertThat(auditor.json(register)).isEqualTo(before);

		// a preparation run again (a job restarted) resumes the generation it built
		Story again = new Story(UUID.randomUUID().toString().substring(0, 8));
		long recordedSince = again.record(this.feeder);
		CompletableFuture.supplyAsync(this::prepare).get(60, TimeUnit.SECONDS).close();
		assertThat(generation("history", "BUILDING")).isEqualTo(built);
		assertThat(historyReadUpTo(built)).isGreaterThanOrEqualTo(recordedSince);

		// recorded between the preparation's end and this version's start: read by the
		// prepared generation before it takes over
		Story third = new Story(UUID.randomUUID().toString().substring(0, 8));
		long last = third.record(this.feeder);
		String thirdRegister = "/api/matters?body=" + third.south.value();
		JsonNode thirdBefore = auditor.json(thirdRegister + "&position=" + last);

		// this version starts in the serving version's place
		this.readModels.stop();
		CompletableFuture.runAsync(this.readModels::start).get(30, TimeUnit.SECONDS);
		Reader operator = new Reader(this.port, "operator");
		await().atMost(Duration.ofSeconds(30))
			.alias("the prepared generation takes over, not a new rebuild")
			.until(() -> operator.readModel("history").get("generation").asInt() == built);
		assertThat(operator.readModel("history").get("answersQueries").asBoolean()).isTrue();
		assertThat(auditor.json(register)).isEqualTo(before);
		assertThat(auditor.json(thirdRegister + "&position=" + last)).isEqualTo(thirdBefore);
		assertThat(auditor.get("/api/matters/" + second.strategy.value() + "/history").status()).isEqualTo(200);
		assertThat(this.jdbc.sql("SELECT count(*) FROM information_schema.schemata WHERE schema_name = ?")
			.param(Generation.schema("history", serving))
			.query(Long.class)
			.single()).as("the generation of the version before is dropped").isZero();
	}

	@Test
	void a_read_model_new_in_this_version_is_prepared_and_serves_complete_from_the_start_of_this_version()
			throws Exception {
		Story story = new Story(UUID.randomUUID().toString().substring(0, 8));
		long position = story.record(this.feeder);
		Reader auditor = new Reader(this.port);
		String register = "/api/matters?body=" + story.south.value();
		JsonNode before = auditor.json(register + "&position=" + position);
		// the register as a version without the history keeps it; this context's own
		// history processor goes on in its schema, which the register no longer names
		// (a retired row keeps the numbers apart)
		int orphan = generation("history", "ACTIVE");
		this.jdbc.sql("DELETE FROM projections.generation WHERE read_model = 'history'").update();
		this.jdbc
			.sql("INSERT INTO projections.generation (read_model, generation, version, state) "
					+ "VALUES ('history', ?, 0, 'RETIRED')")
			.param(orphan + 50)
			.update();

		try (ConfigurableApplicationContext prepared = CompletableFuture.supplyAsync(this::prepare)
			.get(60, TimeUnit.SECONDS)) {
			assertThat(QuerySideApplication.preparesUpgrade(prepared)).isTrue();
		}
		int built = generation("history", "BUILDING");
		assertThat(built).isEqualTo(orphan + 51);
		assertThat(historyReadUpTo(built)).isGreaterThanOrEqualTo(position);

		this.readModels.stop();
		CompletableFuture.runAsync(this.readModels::start).get(30, TimeUnit.SECONDS);
		Reader operator = new Reader(this.port, "operator");
		await().atMost(Duration.ofSeconds(30))
			.alias("the prepared generation serves")
			.until(() -> operator.readModel("history").get("generation").asInt() == built);
		assertThat(auditor.json(register)).isEqualTo(before);
	}

	@Test
	void preparing_a_version_whose_tables_did_not_change_builds_nothing_and_ends() throws Exception {
		new Story(UUID.randomUUID().toString().substring(0, 8)).record(this.feeder);

		try (ConfigurableApplicationContext prepared = CompletableFuture.supplyAsync(this::prepare)
			.get(60, TimeUnit.SECONDS)) {
			assertThat(QuerySideApplication.preparesUpgrade(prepared)).isTrue();
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM projections.generation WHERE state = 'BUILDING'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void a_second_preparation_beside_a_running_one_refuses_to_start() {
		new Story(UUID.randomUUID().toString().substring(0, 8)).record(this.feeder);
		// the premise of reading claims: the token store writes the time a claim was
		// extended as an instant in ISO-8601 (here the serving processor's own claim)
		String extended = this.jdbc
			.sql("SELECT time_stamp FROM projections.token_entry WHERE processor_name = ? AND owner IS NOT NULL")
			.param("history-" + generation("history", "ACTIVE"))
			.query(String.class)
			.single();
		assertThat(Instant.parse(extended)).isAfter(Instant.now().minus(ReadModels.CLAIM_TIMEOUT));
		int version = servingVersion("history");
		this.jdbc.sql("UPDATE projections.generation SET version = version - 1 WHERE read_model = 'history'").update();
		// the first preparation's generation, its token claimed by that process
		int first = historyBuiltElsewhere(version);
		this.jdbc
			.sql("UPDATE projections.generation SET started_at = now() - interval '1 minute' "
					+ "WHERE read_model = 'history' AND generation = ?")
			.param(first)
			.update();
		this.jdbc
			.sql("INSERT INTO projections.token_entry (processor_name, segment, owner, time_stamp) "
					+ "VALUES (?, 0, 'another-host', ?)")
			.params("history-" + first, Instant.now().toString())
			.update();

		assertThatThrownBy(this::prepare).hasRootCauseInstanceOf(ReadModels.BuiltElsewhere.class)
			.rootCause()
			.hasMessageContaining("generation " + first + " of the history view is being built");
		assertThat(generation("history", "BUILDING")).as("the first one's, untouched").isEqualTo(first);
	}

	@Test
	void a_generation_built_for_another_version_is_left_to_it_and_a_rebuild_replaces_it_only_once_no_one_builds_it()
			throws Exception {
		Story story = new Story(UUID.randomUUID().toString().substring(0, 8));
		long position = story.record(this.feeder);
		Reader auditor = new Reader(this.port);
		String register = "/api/matters?body=" + story.south.value();
		JsonNode before = auditor.json(register + "&position=" + position);
		int version = servingVersion("history");
		// a newer version has just begun to prepare its upgrade in another process,
		// whose processor has not claimed its token yet
		int foreign = historyBuiltElsewhere(version + 1);
		Reader operator = new Reader(this.port, "operator");
		assertThat(operator.post("/actuator/readmodels/history").status()).as("begun just now").isEqualTo(409);

		// later, its token store writes its token with no owner and claims it a moment
		// after, as Axon's does
		this.jdbc
			.sql("UPDATE projections.generation SET started_at = now() - interval '1 minute' "
					+ "WHERE read_model = 'history' AND generation = ?")
			.param(foreign)
			.update();
		this.jdbc
			.sql("INSERT INTO projections.token_entry (processor_name, segment, owner, time_stamp) "
					+ "VALUES (?, 0, NULL, ?)")
			.params("history-" + foreign, Instant.now().toString())
			.update();
		CompletableFuture<Integer> claiming = CompletableFuture.supplyAsync(() -> this.jdbc
			.sql("UPDATE projections.token_entry SET owner = 'another-host', time_stamp = ? WHERE processor_name = ?")
			.params(Instant.now().toString(), "history-" + foreign)
			.update(), CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS));
		assertThat(operator.post("/actuator/readmodels/history").status()).as("claimed a moment after it was written")
			.isEqualTo(409);
		assertThat(claiming.get(5, TimeUnit.SECONDS)).isOne();

		// this version restarts meanwhile
		this.readModels.stop();
		CompletableFuture.runAsync(this.readModels::start).get(30, TimeUnit.SECONDS);
		assertThat(generation("history", "BUILDING")).as("left to the version it is built for").isEqualTo(foreign);
		assertThat(auditor.json(register + "&position=" + position)).isEqualTo(before);

		Reader.Response refused = operator.post("/actuator/readmodels/history");
		assertThat(refused.status()).as(String.valueOf(refused.body())).isEqualTo(409);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.body().get("detail").asText()).contains("generation " + foreign)
			.contains("being built for version " + (version + 1) + " of its tables by another process");
		assertThat(generation("history", "BUILDING")).isEqualTo(foreign);

		// that process has stopped; its claim ran out
		this.jdbc.sql("UPDATE projections.token_entry SET time_stamp = ? WHERE processor_name = ?")
			.params(Instant.now().minus(ReadModels.CLAIM_TIMEOUT).minusSeconds(1).toString(), "history-" + foreign)
			.update();
		assertThat(operator.post("/actuator/readmodels/history").status()).isEqualTo(200);
		assertThat(this.jdbc
			.sql("SELECT state FROM projections.generation WHERE read_model = 'history' AND generation = ?")
			.param(foreign)
			.query(String.class)
			.single()).isEqualTo("RETIRED");
		assertThat(this.jdbc.sql("SELECT count(*) FROM information_schema.schemata WHERE schema_name = ?")
			.param(Generation.schema("history", foreign))
			.query(Long.class)
			.single()).isZero();
		await().atMost(Duration.ofSeconds(60))
			.alias("the rebuild of this version takes over")
			.until(() -> operator.readModel("history").get("generation").asInt() > foreign);
		assertThat(auditor.json(register)).isEqualTo(before);
	}

	/** This version started as an operator prepares its upgrade: it returns when done. */
	private ConfigurableApplicationContext prepare() {
		// as arguments: the builder's properties are defaults, below the configuration
		// file's
		return QuerySideApplication.builder()
			.profiles("local", "prepare-upgrade")
			.run("--spring.datasource.url=" + this.environment.getProperty("spring.datasource.url"),
					"--spring.datasource.username=" + this.environment.getProperty("spring.datasource.username"),
					"--spring.datasource.password=" + this.environment.getProperty("spring.datasource.password", ""));
	}

	private int servingVersion(String readModel) {
		return this.jdbc.sql("SELECT version FROM projections.generation WHERE read_model = ? AND state = 'ACTIVE'")
			.param(readModel)
			.query(Integer.class)
			.single();
	}

	private int generation(String readModel, String state) {
		return this.jdbc.sql("SELECT generation FROM projections.generation WHERE read_model = ? AND state = ?")
			.params(readModel, state)
			.query(Integer.class)
			.single();
	}

	/**
	 * A generation of the history begun just now for this version of its tables, as
	 * another process begins one: in the register and with its schema.
	 */
	private int historyBuiltElsewhere(int version) {
		int number = this.jdbc
			.sql("SELECT max(generation) + 1 FROM projections.generation WHERE read_model = 'history'")
			.query(Integer.class)
			.single();
		this.jdbc
			.sql("INSERT INTO projections.generation (read_model, generation, version, state) "
					+ "VALUES ('history', ?, ?, 'BUILDING')")
			.params(number, version)
			.update();
		this.jdbc.sql("CREATE SCHEMA " + Generation.schema("history", number)).update();
		return number;
	}

	/** The newest position a generation of the history has read, by its stored token. */
	private long historyReadUpTo(int generation) {
		return indexOf(this.jdbc.sql("SELECT token FROM projections.token_entry WHERE processor_name = ?")
			.param("history-" + generation)
			.query(String.class)
			.single());
	}

	/** The newest position a stored tracking token has read. */
	private static long indexOf(String token) {
		java.util.regex.Matcher index = java.util.regex.Pattern.compile("\"index\"\\s*:\\s*(\\d+)").matcher(token);
		assertThat(index.find()).as(token).isTrue();
		return Long.parseLong(index.group(1));
	}

}
