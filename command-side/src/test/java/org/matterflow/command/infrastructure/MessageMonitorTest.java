package org.matterflow.command.infrastructure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.matterflow.command.testing.Api;
import org.matterflow.command.testing.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the command side tells a scraper about its command bus and event store: counts and
 * timings of every command and event, and no capacity gauge (its figure is the rate of
 * the timer's sum).
 */
@IntegrationTest
class MessageMonitorTest {

	@LocalServerPort
	int port;

	@Test
	void commands_and_their_events_are_counted_and_timed_without_a_capacity_gauge() throws Exception {
		String before = scrape();
		String run = UUID.randomUUID().toString().substring(0, 8);
		new Api(this.port).scheduleMeetingOfNewBody("grupp-" + run, "m-" + run);

		String after = scrape();
		assertThat(value(after, "commandBus_successCounter_total") - value(before, "commandBus_successCounter_total"))
			.as("the body established and the meeting scheduled")
			.isEqualTo(2);
		assertThat(
				value(after, "commandBus_allTimer_seconds_count") - value(before, "commandBus_allTimer_seconds_count"))
			.isEqualTo(2);
		assertThat(value(after, "eventStore_ingestedCounter_total") - value(before, "eventStore_ingestedCounter_total"))
			.isGreaterThanOrEqualTo(2);
		assertThat(after).doesNotContain("capacity{").doesNotContain("commandBus_capacity");
	}

	private String scrape() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/prometheus")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	/** The sample's value, 0 where the meter has not been registered yet. */
	private static double value(String scrape, String sample) {
		Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(sample) + "(?:\\{[^}]*\\})? (\\S+)$").matcher(scrape);
		return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
	}

}
