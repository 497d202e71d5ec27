package org.matterflow.query.webhooks;

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

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.matterflow.query.QuerySideApplication;
import org.matterflow.query.testing.EventFeeder;
import org.matterflow.query.testing.OwnDatabase;
import org.matterflow.query.testing.Story;
import org.matterflow.testing.TestDatabase;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The query side stopped in the middle of deliveries and started again on the same
 * database, as a deployment does: the receiver still gets every event, in order; at most
 * the one in flight arrives twice.
 */
class WebhookRestartTest {

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void a_restart_in_the_middle_of_deliveries_loses_nothing() throws Exception {
		TestDatabase.Connection database = OwnDatabase.withEventStore(TestDatabase.create("webhook_restart"));
		String[] arguments = { "--server.port=0", "--spring.datasource.url=" + database.url(),
				"--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(), "--matterflow.integration.webhooks.poll=100ms" };
		try (WebhookReceiver receiver = new WebhookReceiver((n) -> {
			pause(50);
			return 200;
		})) {
			List<String> expected;
			ConfigurableApplicationContext first = QuerySideApplication.builder().profiles("local").run(arguments);
			try {
				HttpResponse<String> created = this.http.send(HttpRequest
					.newBuilder(URI.create("http://localhost:" + first.getEnvironment().getProperty("local.server.port")
							+ "/api/subscriptions"))
					.header("Authorization",
							"Basic " + Base64.getEncoder()
								.encodeToString("integrator:integrator".getBytes(StandardCharsets.UTF_8)))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + receiver.url() + "\",\"after\":0}"))
					.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
				JdbcClient jdbc = first.getBean(JdbcClient.class);
				EventFeeder feeder = new EventFeeder(first.getBean(EventStore.class),
						first.getBean(TransactionTemplate.class), jdbc);
				new Story(UUID.randomUUID().toString().substring(0, 8)).record(feeder);
				long total = jdbc.sql("SELECT count(*) FROM events.domain_event_entry").query(Long.class).single();
				await().atMost(Duration.ofSeconds(30))
					.until(() -> jdbc.sql("SELECT count(*) FROM projections.feed_event")
						.query(Long.class)
						.single() == total);
				expected = jdbc.sql("SELECT event_id FROM projections.feed_event ORDER BY position")
					.query(String.class)
					.list();
				await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().size() >= 5);
			}
			finally {
				first.close();
			}
			int beforeRestart = new LinkedHashSet<>(receiver.accepted()).size();
			assertThat(beforeRestart).isLessThan(expected.size());

			ConfigurableApplicationContext second = QuerySideApplication.builder().profiles("local").run(arguments);
			try {
				await().atMost(Duration.ofSeconds(60))
					.until(() -> new LinkedHashSet<>(receiver.accepted()).size() == expected.size());
			}
			finally {
				second.close();
			}
			List<String> distinct = new ArrayList<>(new LinkedHashSet<>(receiver.accepted()));
			assertThat(distinct).containsExactlyElementsOf(expected);
			assertThat(receiver.accepted().size() - distinct.size()).isLessThanOrEqualTo(1);
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
