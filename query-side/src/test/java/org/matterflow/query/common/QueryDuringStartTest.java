package org.matterflow.query.common;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.matterflow.query.QuerySideApplication;
import org.matterflow.query.testing.QueryIntegrationTest;
import org.matterflow.query.testing.Reader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web server takes requests before the read models have started (Spring Boot starts
 * it in an earlier phase). A query in that moment, as after every restart, is asked to
 * come again, not answered with a failure.
 */
@QueryIntegrationTest
class QueryDuringStartTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	Environment environment;

	@Test
	void a_query_that_comes_before_its_read_model_has_started_is_answered_503_with_retry_after() throws Exception {
		CompletableFuture<Integer> port = new CompletableFuture<>();
		try (Connection holding = this.dataSource.getConnection()) {
			holding.setAutoCommit(false);
			try (Statement lock = holding.createStatement()) {
				// the read models' start reads the register of generations first: held
				// here, it waits while the web server already answers
				lock.execute("LOCK TABLE projections.generation IN ACCESS EXCLUSIVE MODE");
			}
			CompletableFuture<ConfigurableApplicationContext> starting = CompletableFuture
				.supplyAsync(() -> QuerySideApplication.builder()
					.profiles("local")
					.listeners((ApplicationListener<ApplicationEvent>) (event) -> {
						if (event instanceof WebServerInitializedEvent initialized) {
							port.complete(initialized.getWebServer().getPort());
						}
					})
					.run("--server.port=0", "--spring.datasource.url=" + setting("spring.datasource.url"),
							"--spring.datasource.username=" + setting("spring.datasource.username"),
							"--spring.datasource.password="
									+ this.environment.getProperty("spring.datasource.password", "")));
			Reader auditor = new Reader(port.get(60, TimeUnit.SECONDS));

			HttpResponse<String> early = auditor.raw("/api/decisions?body=chefsgrupp", "application/json");
			assertThat(early.statusCode()).as(early.body()).isEqualTo(503);
			assertThat(early.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(early.headers().firstValue("Retry-After")).hasValue("1");
			assertThat(new ObjectMapper().readTree(early.body()).get("detail").asText())
				.contains("the query side is starting and the decisions view is not open yet");
			holding.rollback();

			try (ConfigurableApplicationContext started = starting.get(60, TimeUnit.SECONDS)) {
				assertThat(auditor.get("/api/decisions?body=chefsgrupp").status()).isEqualTo(200);
			}
		}
	}

	private String setting(String name) {
		return this.environment.getRequiredProperty(name);
	}

}
