package org.matterflow.query.common;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.matterflow.kernel.body.BodyEstablished;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.body.BodyKind;
import org.matterflow.query.testing.QueryIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Where no append notices arrive (here: listening is off, as behind a connection pooler
 * that does not pass {@code LISTEN} on), events the command side appends reach the read
 * models because the head watch asks the store to fetch them, not because the store
 * polls: here the store would poll only every ten minutes.
 */
@QueryIntegrationTest
@TestPropertySource(
		properties = { "matterflow.event-store.idle-fetch-interval=10m", "matterflow.event-store.listen=false" })
class EventSourceTest {

	@Autowired
	EventStorageEngine engine;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	EventStoreHead head;

	@Autowired
	ReadModels readModels;

	@Autowired
	AppendListener notices;

	@Test
	void without_notices_an_event_appended_by_another_process_reaches_every_read_model_by_the_head_watch() {
		assertThat(this.notices.listening()).isFalse();
		// the read models first follow the head, where they read what the store fetched
		long current = this.head.refresh();
		await().atMost(Duration.ofSeconds(30)).until(() -> everyReadModelReached(current));

		BodyId body = BodyId.of("watched-" + UUID.randomUUID().toString().substring(0, 8));
		// appended through the storage engine, as the command side's store appends: the
		// query side's store hears of no commit
		this.transactions.executeWithoutResult((tx) -> this.engine
			.appendEvents(new GenericDomainEventMessage<>("Body", body.toString(), 0, new BodyEstablished(body,
					"Watched group", BodyKind.WORKING_GROUP, null, null, LocalDate.of(2026, 12, 2)))));
		long appended = this.head.refresh();

		await().atMost(Duration.ofSeconds(30)).until(() -> everyReadModelReached(appended));
	}

	private boolean everyReadModelReached(long position) {
		return position < 0
				|| this.readModels.names().stream().allMatch((name) -> this.readModels.hasReached(name, position));
	}

}
