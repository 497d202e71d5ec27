package org.matterflow.query.feed;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.matterflow.query.QuerySideApplication;
import org.matterflow.query.testing.OwnDatabase;
import org.matterflow.testing.TestDatabase;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stop of the query side while an integration follows the live stream: the stream is
 * ended, with a word saying why, before the web server's graceful shutdown waits for the
 * requests under way, which a stream is until its client leaves. The query side here is
 * one of its own, on a database of its own: it is stopped.
 */
class EventStreamStopTest {

	@Test
	void a_stop_ends_an_open_stream_with_a_word_instead_of_waiting_for_its_client_to_leave() throws Exception {
		TestDatabase.Connection database = OwnDatabase.withEventStore(TestDatabase.create("stream_stop"));
		CompletableFuture<Integer> port = new CompletableFuture<>();
		ConfigurableApplicationContext running = QuerySideApplication.builder()
			.profiles("local")
			.listeners((ApplicationListener<ApplicationEvent>) (event) -> {
				if (event instanceof WebServerInitializedEvent initialized) {
					port.complete(initialized.getWebServer().getPort());
				}
			})
			.run("--server.port=0", "--spring.datasource.url=" + database.url(),
					"--spring.datasource.username=" + database.username(),
					"--spring.datasource.password=" + database.password(),
					// far longer than the test waits: a stop held by the stream fails it
					"--spring.lifecycle.timeout-per-shutdown-phase=10m");
		HttpResponse<Stream<String>> stream = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + port.get(60, TimeUnit.SECONDS) + "/api/events/stream"))
				.header("Accept", "text/event-stream")
				.header("Authorization",
						"Basic " + Base64.getEncoder()
							.encodeToString("integrator:integrator".getBytes(StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofLines());
		assertThat(stream.statusCode()).isEqualTo(200);
		CompletableFuture<List<String>> read = CompletableFuture.supplyAsync(() -> {
			List<String> lines = new ArrayList<>();
			stream.body().forEach(lines::add);
			return lines;
		});

		CompletableFuture<Void> stopped = CompletableFuture.runAsync(running::close);

		List<String> lines = read.get(60, TimeUnit.SECONDS);
		assertThat(lines).as("the stream, ended by the server")
			.anySatisfy((line) -> assertThat(line).contains("matterflow event stream from"))
			.anySatisfy((line) -> assertThat(line)
				.contains("the query side is stopping; reconnect with the last event id"));
		stopped.get(60, TimeUnit.SECONDS);
	}

}
