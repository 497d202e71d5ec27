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
@TestPropertySource(properties = { "matterflow.integration.stream.heartbeat=300ms",
		// how long a blocked write may wait for a client that stopped reading
		"server.tomcat.connection-timeout=3s" })
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

	@Autowired
	EventStreamController streams;

	@Test
	void a_client_that_stops_reading_is_disconnected_instead_of_filling_the_servers_memory() throws Exception {
		await().atMost(Duration.ofSeconds(10)).until(() -> this.streams.openStreams() == 0);
		try (java.net.Socket slow = new java.net.Socket()) {
			slow.setReceiveBufferSize(1024);
			slow.connect(new java.net.InetSocketAddress("localhost", this.port));
			slow.getOutputStream()
				.write(("GET /api/events/stream HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n"
						+ "Authorization: Basic "
						+ Base64.getEncoder().encodeToString("auditor:auditor".getBytes(StandardCharsets.UTF_8))
						+ "\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			slow.getOutputStream().flush();
			assertThat(slow.getInputStream().read(new byte[16])).isPositive();
			await().atMost(Duration.ofSeconds(10)).until(() -> this.streams.openStreams() == 1);

			// far more than the socket buffers hold (about 9 MB of events), and the
			// client reads none of it
			String mission = "Samordna det hälsofrämjande arbetet i länsdelen. ".repeat(40);
			String run = UUID.randomUUID().toString().substring(0, 8);
			for (int batch = 0; batch < 40; batch++) {
				Object[] bodies = new Object[100];
				for (int i = 0; i < bodies.length; i++) {
					bodies[i] = new org.matterflow.kernel.body.BodyEstablished(
							org.matterflow.kernel.body.BodyId.of("slow-" + run + "-" + batch + "-" + i),
							"Arbetsgrupp " + i, org.matterflow.kernel.body.BodyKind.WORKING_GROUP, null, mission,
							java.time.LocalDate.of(2025, 1, 1));
				}
				this.feeder.record(java.time.LocalDate.of(2025, 1, 1), bodies);
			}

			// the server gives up on the blocked write and lets the stream go; the client
			// resumes from its last event id when it reads again (the test above)
			await().atMost(Duration.ofSeconds(60)).until(() -> this.streams.openStreams() == 0);
			assertThat(slow.isClosed()).isFalse();
		}
	}

	@Test
	void an_idle_stream_sends_heartbeats() throws Exception {
		long total = this.jdbc.sql("SELECT count(*) FROM events.domain_event_entry").query(Long.class).single();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM projections.feed_event")
				.query(Long.class)
				.single() == total);
		long newest = this.jdbc.sql("SELECT coalesce(max(position), 0) FROM projections.feed_event")
			.query(Long.class)
			.single();
		try (Stream<String> lines = open(newest)) {
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

	@Test
	void a_stream_of_a_type_that_is_not_published_is_refused() throws Exception {
		HttpResponse<String> refused = this.http.send(request("?type=org.matterflow.nothing").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("'org.matterflow.nothing' is not a published event type");
	}

	@Test
	void a_stream_resumed_past_the_newest_event_as_from_before_a_restore_is_refused() throws Exception {
		long newest = this.jdbc.sql("SELECT coalesce(max(position), 0) FROM projections.feed_event")
			.query(Long.class)
			.single();
		HttpResponse<String> refused = this.http.send(
				request().header("Last-Event-ID", Long.toString(newest + 1000)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.body()).contains("UNKNOWN_POSITION").contains("Last-Event-ID " + (newest + 1000));
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
		return request("");
	}

	private HttpRequest.Builder request(String query) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/events/stream" + query))
			.header("Accept", "text/event-stream")
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString("auditor:auditor".getBytes(StandardCharsets.UTF_8)))
			.GET();
	}

}
