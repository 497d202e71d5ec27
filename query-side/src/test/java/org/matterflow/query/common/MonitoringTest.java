package org.matterflow.query.common;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.matterflow.query.testing.EventFeeder;
import org.matterflow.query.testing.QueryIntegrationTest;
import org.matterflow.query.testing.Reader;
import org.matterflow.query.testing.Story;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QueryIntegrationTest
class MonitoringTest {

	@LocalServerPort
	int port;

	@Autowired
	EventFeeder feeder;

	@Test
	void the_lag_of_every_read_model_is_a_metric_and_drops_to_zero_once_it_caught_up_and_it_answers() throws Exception {
		new Story(UUID.randomUUID().toString().substring(0, 8)).record(this.feeder);
		Reader operator = new Reader(this.port, "operator");
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			for (JsonNode view : operator.json("/actuator/readmodels")) {
				if (view.get("lag").asLong() != 0) {
					return false;
				}
			}
			return true;
		});
		String metrics = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/prometheus")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		for (String readModel : new String[] { "agenda", "assignments", "bodies", "decisions", "history",
				"meetings" }) {
			assertThat(metrics)
				.contains("matterflow_readmodel_lag_events{application=\"matterflow-query-side\",readmodel=\""
						+ readModel + "\"} 0.0")
				.contains("matterflow_readmodel_answering{application=\"matterflow-query-side\",readmodel=\""
						+ readModel + "\"} 1.0");
		}
	}

	@Test
	void the_health_of_the_read_models_is_part_of_the_health_endpoint() {
		JsonNode health = new Reader(this.port, "operator").json("/actuator/health");
		assertThat(health.get("status").asText()).isEqualTo("UP");
		assertThat(health.at("/components/readModels/status").asText()).isEqualTo("UP");
		assertThat(health.at("/components/readModels/details/history/error").asBoolean()).isFalse();
	}

}
