package org.matterflow.query.feed;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.matterflow.query.testing.EventFeeder;
import org.matterflow.query.testing.QueryIntegrationTest;
import org.matterflow.query.testing.Story;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live stream over real HTTP: a client that disconnects and comes back with
 * {@code Last-Event-ID} gets every event, without gaps or duplicates, and an idle stream
 * carries heartbeats.
 */
@QueryIntegrationTest
@TestPropertySource(properties = "matterflow.integration.stream.heartbeat=300ms")
class EventStreamTest {

	@LocalServerPort
	int port;

	@Autowired
	EventFeeder feeder;

	@Autowired
	JdbcClient jdbc;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void a_client_that_reconnects_with_its_last_event_id_misses_nothing_and_gets_nothing_twice() throws Exception {
		new Story(UUID.randomUUID().toString().substring(0, 8)).record(this.feeder);
		long total = this.jdbc.sql("SELECT count(*) FROM events.domain_event_entry").query(Long.class).single();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM projections.feed_event")
				.query(Long.class)
				.single() == total);

		List<Long> ids = new ArrayList<>();
		try (Stream<String> lines = open(null)) {
			Iterator<String> stream = lines.iterator();
			while (ids.size() < 10) {
				String line = stream.next();
				if (line.startsWith("id:")) {
					ids.add(Long.parseLong(line.substring(3).strip()));
				}
			}
		}
		try (Stream<String> lines = open(ids.get(ids.size() - 1))) {
			Iterator<String> stream = lines.iterator();
			while (ids.size() < total) {
				String line = stream.next();
				if (line.startsWith("id:")) {
					ids.add(Long.parseLong(line.substring(3).strip()));
				}
			}
		}

		assertThat(ids).doesNotHaveDuplicates()
			.isSorted()
			.containsExactlyElementsOf(this.jdbc.sql("SELECT position FROM projections.feed_event ORDER BY position")
				.query(Long.class)
				.list());
	}

	@Test
	void an_idle_stream_sends_heartbeats() throws Exception {
		try (Stream<String> lines = open(Long.MAX_VALUE / 2)) {
			assertThat(
					lines.filter((line) -> line.startsWith(":heartbeat") || line.startsWith(": heartbeat")).findFirst())
				.isPresent();
		}
	}

	@Test
	void a_stream_with_a_malformed_last_event_id_is_refused() throws Exception {
		HttpResponse<String> refused = this.http.send(request().header("Last-Event-ID", "yesterday").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).isEqualTo(400);
	}

	private Stream<String> open(Long lastEventId) throws Exception {
		HttpRequest.Builder request = request();
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId.toString());
		}
		HttpResponse<Stream<String>> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
		return response.body();
	}

	private HttpRequest.Builder request() {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/events/stream"))
			.header("Accept", "text/event-stream")
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString("auditor:auditor".getBytes(StandardCharsets.UTF_8)))
			.GET();
	}

}
