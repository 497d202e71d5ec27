package org.matterflow.command.infrastructure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.matterflow.command.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command side on a store with no event yet, as on the first day of an installation:
 * the process manager's lag is 0, its health component UP, and a scrape of the metrics
 * logs no failure.
 */
@IntegrationTest
// a context of its own, so that its database is new and its store empty
@TestPropertySource(properties = "matterflow.process-managers.fetch-delay=1s")
@ExtendWith(OutputCaptureExtension.class)
class ProcessManagerMonitoringTest {

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry registry;

	@Autowired
	@Qualifier("processManagersHealthIndicator")
	HealthIndicator processManagers;

	@Test
	void on_an_empty_store_the_process_manager_lags_by_nothing_and_is_healthy(CapturedOutput output) throws Exception {
		assertThat(this.registry.get("matterflow.processmanager.lag").gauge().value()).isZero();
		Health health = this.processManagers.health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails().toString()).contains("lag=0");
		HttpResponse<String> scrape = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/prometheus")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body()).contains("matterflow_processmanager_lag_events{").doesNotContain("NaN");
		assertThat(output).doesNotContain("Failed to apply the value function");
	}

}
