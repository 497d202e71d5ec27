package org.matterflow.query.common;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.matterflow.kernel.AppendNotice;
import org.matterflow.kernel.body.BodyEstablished;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.body.BodyKind;
import org.matterflow.query.testing.QueryIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The command side's notice after an append is what brings its events to the read models:
 * here the store would poll only every ten minutes, and nobody watches the head of the
 * event table or calls the processors on a timer (its interval is ten minutes too), so
 * only a notice, or the listener's fetch after it connects, can bring an event.
 */
@QueryIntegrationTest
@TestPropertySource(properties = { "matterflow.event-store.idle-fetch-interval=10m",
		"matterflow.event-store.poll-interval=10m", "matterflow.event-store.listen-reconnect-delay=200ms" })
class AppendListenerTest {

	@Autowired
	EventStorageEngine engine;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EventStoreHead head;

	@Autowired
	ReadModels readModels;

	@Autowired
	AppendListener notices;

	@Test
	void an_announced_event_reaches_every_read_model_without_waiting_for_the_store_to_poll() {
		await().atMost(Duration.ofSeconds(30)).until(this.notices::listening);
		awaitEveryReadModelAtTheHead();

		long appended = appendAndAnnounce("announced");

		await().atMost(Duration.ofSeconds(30)).until(() -> everyReadModelReached(appended));
	}

	@Test
	void an_event_appended_while_the_connection_was_cut_is_fetched_when_the_listener_listens_again() {
		await().atMost(Duration.ofSeconds(30)).until(this.notices::listening);
		awaitEveryReadModelAtTheHead();
		// the processors now wait at the head for what the store fetches
		long announced = appendAndAnnounce("before");
		await().atMost(Duration.ofSeconds(30)).until(() -> everyReadModelReached(announced));

		int cut = this.jdbc
			.sql("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = ? "
					+ "AND datname = current_database()")
			.param("matterflow query side: append notices")
			.query(Integer.class)
			.single();
		assertThat(cut).isEqualTo(1);
		await().atMost(Duration.ofSeconds(30)).until(() -> !this.notices.listening());
		// its notice is lost: nobody listens
		long missed = appendAndAnnounce("missed");

		await().atMost(Duration.ofSeconds(30)).until(() -> everyReadModelReached(missed));
		assertThat(this.notices.listening()).isTrue();
		long after = appendAndAnnounce("after");
		await().atMost(Duration.ofSeconds(30)).until(() -> everyReadModelReached(after));
	}

	private void awaitEveryReadModelAtTheHead() {
		long current = this.head.refresh();
		await().atMost(Duration.ofSeconds(30)).until(() -> everyReadModelReached(current));
	}

	/**
	 * Appends through the storage engine, as the command side's store appends (the query
	 * side's store hears of no commit), and sends the command side's notice.
	 */
	private long appendAndAnnounce(String name) {
		BodyId body = BodyId.of(name + "-" + UUID.randomUUID().toString().substring(0, 8));
		this.transactions.executeWithoutResult((tx) -> this.engine
			.appendEvents(new GenericDomainEventMessage<>("Body", body.toString(), 0, new BodyEstablished(body,
					"Announced group", BodyKind.WORKING_GROUP, null, null, LocalDate.of(2026, 12, 2)))));
		this.jdbc.sql("SELECT pg_notify(?, '')").param(AppendNotice.CHANNEL).query().singleRow();
		return this.head.refresh();
	}

	private boolean everyReadModelReached(long position) {
		return position < 0
				|| this.readModels.names().stream().allMatch((name) -> this.readModels.hasReached(name, position));
	}

}
