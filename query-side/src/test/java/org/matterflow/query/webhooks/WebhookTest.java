package org.matterflow.query.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
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
 * Webhooks delivered to a real HTTP server: signed per Standard Webhooks, retried after
 * errors, in order, paused after repeated failure and resumed from where they stopped.
 */
@QueryIntegrationTest
@TestPropertySource(properties = { "matterflow.integration.webhooks.poll=100ms",
		"matterflow.integration.webhooks.backoff=100ms", "matterflow.integration.webhooks.max-backoff=1s",
		"matterflow.integration.webhooks.max-attempts=3", "matterflow.integration.webhooks.timeout=2s" })
class WebhookTest {

	static final String SECRET = "whsec_"
			+ Base64.getEncoder().encodeToString("a secret of thirty-two bytes!!!!".getBytes(StandardCharsets.UTF_8));

	static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	EventFeeder feeder;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void a_receiver_gets_every_new_event_once_signed_and_in_order() throws Exception {
		try (WebhookReceiver receiver = new WebhookReceiver((n) -> 204)) {
			JsonNode subscription = subscribe(receiver.url(), null);
			List<String> expected = recordStory();

			await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().size() >= expected.size());

			assertThat(receiver.accepted()).containsExactlyElementsOf(expected);
			assertThat(receiver.received()).allSatisfy((request) -> {
				assertThat(request.verifies(SECRET)).as("signature of " + request.id()).isTrue();
				assertThat(JSON.readTree(request.body()).get("id").asText()).isEqualTo(request.id());
			});
			assertThat(subscription.has("secret")).isTrue();
			JsonNode state = read("/api/subscriptions/" + subscription.get("id").asText());
			assertThat(state.get("status").asText()).isEqualTo("ACTIVE");
			assertThat(state.get("deliveries").findValuesAsText("statusCode")).containsOnly("204");
			delete(subscription);
		}
	}

	@Test
	void a_receiver_that_answers_with_errors_gets_the_same_event_again_and_then_the_rest_in_order() throws Exception {
		try (WebhookReceiver receiver = new WebhookReceiver((n) -> (n <= 2) ? 500 : 200)) {
			JsonNode subscription = subscribe(receiver.url(), null);
			List<String> expected = recordStory();

			await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().size() >= expected.size());

			List<WebhookReceiver.Received> received = receiver.received();
			assertThat(received.subList(0, 3)).extracting(WebhookReceiver.Received::id).containsOnly(expected.get(0));
			assertThat(received.subList(0, 3)).extracting(WebhookReceiver.Received::answered)
				.containsExactly(500, 500, 200);
			assertThat(receiver.accepted()).containsExactlyElementsOf(expected);
			JsonNode log = read("/api/subscriptions/" + subscription.get("id").asText() + "?deliveries=1000")
				.get("deliveries");
			assertThat(log.findValuesAsText("statusCode")).contains("500", "200");
			delete(subscription);
		}
	}

	@Test
	void a_subscription_that_keeps_failing_is_paused_and_resumes_where_it_stopped() throws Exception {
		try (WebhookReceiver receiver = new WebhookReceiver((n) -> 503)) {
			JsonNode subscription = subscribe(receiver.url(), List.of("org.matterflow.meeting.decision-taken"));
			String id = subscription.get("id").asText();
			List<String> expected = recordStory().stream().filter(this::isDecision).toList();

			await().atMost(Duration.ofSeconds(30))
				.until(() -> read("/api/subscriptions/" + id).get("status").asText().equals("PAUSED"));
			JsonNode paused = read("/api/subscriptions/" + id);
			assertThat(paused.get("failedAttempts").asInt()).isEqualTo(3);
			assertThat(paused.get("pausedReason").asText()).contains("503");
			assertThat(subscriptions("paused")).isEqualTo(1);
			int requestsWhilePaused = receiver.received().size();
			await().during(Duration.ofMillis(500))
				.atMost(Duration.ofSeconds(2))
				.until(() -> receiver.received().size() == requestsWhilePaused);
			assertThat(receiver.received()).hasSize(requestsWhilePaused);

			receiver.answer((n) -> 200);
			post("/api/subscriptions/" + id + "/resume", null);
			await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().size() >= expected.size());

			assertThat(receiver.accepted()).containsExactlyElementsOf(expected);
			assertThat(receiver.received().get(0).id()).isEqualTo(expected.get(0));
			assertThat(subscriptions("paused")).isZero();
			assertThat(subscriptions("active")).isEqualTo(1);
			delete(subscription);
		}
	}

	@Test
	void bad_subscriptions_are_refused_with_a_problem() throws Exception {
		assertThat(post("/api/subscriptions", "{\"url\":\"ftp://example.org/hook\"}").statusCode()).isEqualTo(400);
		assertThat(post("/api/subscriptions", "{\"url\":\"https://example.org/hook\",\"types\":[\"meeting.held\"]}")
			.statusCode()).isEqualTo(400);
		assertThat(post("/api/subscriptions", "{\"url\":\"https://example.org/hook\",\"secret\":\"hunter2\"}")
			.statusCode()).isEqualTo(400);
		HttpResponse<String> malformed = post("/api/subscriptions", "{\"url\":");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(malformed.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(malformed.body()).contains("\"code\":\"INVALID_REQUEST\"")
			.contains("the request body is not JSON of the expected shape");
		HttpResponse<String> wrongType = post("/api/subscriptions",
				"{\"url\":\"https://example.org/hook\",\"after\":\"soon\"}");
		assertThat(wrongType.statusCode()).isEqualTo(400);
		assertThat(wrongType.body()).contains("\"errors\":[{\"field\":\"after\"")
			.contains("the field 'after' has a value that cannot be read");
		HttpResponse<String> twice = post("/api/subscriptions",
				"{\"url\":\"https://example.org/hook\",\"url\":\"https://example.org/other\"}");
		assertThat(twice.statusCode()).isEqualTo(400);
		assertThat(twice.body()).contains("\"errors\":[{\"field\":\"url\"").contains("the field 'url' is given twice");
		HttpResponse<String> yaml = send(request("/api/subscriptions", "integrator")
			.header("Content-Type", "application/yaml")
			.POST(HttpRequest.BodyPublishers.ofString("url: https://example.org/hook\ntipes: [meeting.held]\n")));
		assertThat(yaml.statusCode()).isEqualTo(415);
		assertThat(yaml.body()).contains("\"detail\":\"this address reads application/json, not application/yaml\"");
		HttpResponse<String> empty = post("/api/subscriptions", null);
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(empty.body()).contains("\"detail\":\"the request body is empty\"");
		long newest = this.jdbc.sql("SELECT coalesce(max(position), 0) FROM projections.feed_event")
			.query(Long.class)
			.single();
		HttpResponse<String> beyond = post("/api/subscriptions",
				"{\"url\":\"https://example.org/hook\",\"after\":" + (newest + 1000) + "}");
		assertThat(beyond.statusCode()).isEqualTo(409);
		assertThat(beyond.body()).contains("UNKNOWN_POSITION");
		String id = "archive-" + UUID.randomUUID().toString().substring(0, 8);
		String created = "{\"id\":\"" + id + "\",\"url\":\"https://example.org/hook\"}";
		assertThat(post("/api/subscriptions", created).statusCode()).isEqualTo(201);
		HttpResponse<String> duplicate = post("/api/subscriptions", created);
		assertThat(duplicate.statusCode()).isEqualTo(409);
		assertThat(duplicate.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(send(request("/api/subscriptions/no-such-subscription", "integrator").GET()).statusCode())
			.isEqualTo(404);
		assertThat(send(request("/api/subscriptions", "auditor").POST(HttpRequest.BodyPublishers.ofString(created)))
			.statusCode()).isEqualTo(403);
		assertThat(send(request("/api/subscriptions/" + id, "integrator").DELETE()).statusCode()).isEqualTo(204);
	}

	private boolean isDecision(String eventId) {
		return this.jdbc.sql("SELECT type FROM projections.feed_event WHERE event_id = ?")
			.param(eventId)
			.query(String.class)
			.single()
			.equals("org.matterflow.meeting.decision-taken");
	}

	/** Records a story and answers its event ids in feed order once the feed has them. */
	private List<String> recordStory() {
		long before = this.jdbc.sql("SELECT coalesce(max(global_index), -1) FROM events.domain_event_entry")
			.query(Long.class)
			.single();
		new Story(UUID.randomUUID().toString().substring(0, 8)).record(this.feeder);
		List<String> ids = this.jdbc
			.sql("SELECT event_identifier FROM events.domain_event_entry WHERE global_index > ? ORDER BY global_index")
			.param(before)
			.query(String.class)
			.list();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM projections.feed_event WHERE event_id = ANY(?::text[])")
				.param("{" + String.join(",", ids) + "}")
				.query(Long.class)
				.single() == ids.size());
		return new ArrayList<>(new LinkedHashSet<>(this.jdbc
			.sql("SELECT event_id FROM projections.feed_event WHERE event_id = ANY(?::text[]) ORDER BY position")
			.param("{" + String.join(",", ids) + "}")
			.query(String.class)
			.list()));
	}

	@Autowired
	WebhookDispatcher dispatcher;

	@Test
	void delivery_attempts_older_than_the_retention_are_deleted_and_recent_ones_stay_readable() throws Exception {
		try (WebhookReceiver receiver = new WebhookReceiver((n) -> 204)) {
			JsonNode subscription = subscribe(receiver.url(), null);
			String id = subscription.get("id").asText();
			for (String age : List.of("100 days", "91 days", "89 days", "1 hour")) {
				this.jdbc.sql("INSERT INTO projections.webhook_delivery (subscription_id, event_id, position, attempt, "
						+ "status_code, duration_ms, attempted_at) VALUES (?, ?, 1, 1, 204, 3, now() - ?::interval)")
					.params(id, "event-" + age, age)
					.update();
			}

			this.dispatcher.pruneDeliveryLog();

			JsonNode state = read("/api/subscriptions/" + id);
			assertThat(state.get("deliveries").findValuesAsText("eventId")).containsExactly("event-1 hour",
					"event-89 days");
			assertThat(this.jdbc.sql("SELECT count(*) FROM projections.webhook_delivery WHERE subscription_id = ?")
				.param(id)
				.query(Long.class)
				.single()).isEqualTo(2);
			delete(subscription);
		}
	}

	private JsonNode subscribe(String url, List<String> types) throws Exception {
		String body = "{\"url\":\"" + url + "\",\"secret\":\"" + SECRET + "\""
				+ ((types != null) ? ",\"types\":" + JSON.writeValueAsString(types) : "") + "}";
		HttpResponse<String> created = post("/api/subscriptions", body);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return JSON.readTree(created.body());
	}

	private double subscriptions(String status) {
		return this.meters.get("matterflow.webhooks.subscriptions").tag("status", status).gauge().value();
	}

	private void delete(JsonNode subscription) throws Exception {
		send(request("/api/subscriptions/" + subscription.get("id").asText(), "integrator").DELETE());
	}

	private JsonNode read(String path) throws Exception {
		HttpResponse<String> response = send(request(path, "integrator").GET());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private HttpResponse<String> post(String path, String json) throws Exception {
		return send(request(path, "integrator").header("Content-Type", "application/json")
			.POST((json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody()));
	}

	private HttpRequest.Builder request(String path, String user) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
