package org.matterflow.query.common;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.matterflow.kernel.body.BodyEstablished;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.body.BodyKind;
import org.matterflow.query.testing.QueryIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How many times a fetch reads the event table: at the head once, up to its first short
 * batch; behind the head until an empty batch, as Axon's engine reads. And what a short
 * batch leaves behind (an event committed later below its position) the next fetch reads.
 */
@QueryIntegrationTest
class HeadFetchingEventStorageEngineTest {

	@Autowired
	EventStorageEngine stored;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ConnectionProvider connections;

	@Autowired
	TransactionManager axonTransactions;

	@Autowired
	EventSchema schema;

	@Autowired
	@Qualifier("eventSerializer")
	Serializer serializer;

	private final AtomicInteger fetches = new AtomicInteger();

	@Test
	void at_the_head_a_fetch_ends_with_its_first_short_batch() {
		HeadFetchingEventStorageEngine engine = inBatchesOf(5);
		TrackingToken head = engine.createHeadToken();
		append(3);

		assertThat(fetch(engine, head, true)).hasSize(3);

		assertThat(this.fetches).as("one query, not a second that finds nothing").hasValue(1);
	}

	@Test
	void at_the_head_full_batches_are_followed_up_to_a_short_one() {
		HeadFetchingEventStorageEngine engine = inBatchesOf(2);
		TrackingToken head = engine.createHeadToken();
		append(5);

		assertThat(fetch(engine, head, true)).hasSize(5);

		assertThat(this.fetches).as("2 + 2 + 1").hasValue(3);
	}

	@Test
	void behind_the_head_a_processor_reads_until_a_batch_comes_back_empty() {
		HeadFetchingEventStorageEngine engine = inBatchesOf(5);
		TrackingToken head = engine.createHeadToken();
		append(3);

		assertThat(fetch(engine, head, false)).hasSize(3);

		assertThat(this.fetches).hasValue(2);
	}

	@Test
	void an_event_committed_after_a_later_one_is_read_by_the_next_fetch() throws Exception {
		HeadFetchingEventStorageEngine engine = inBatchesOf(5);
		TrackingToken head = engine.createHeadToken();
		CountDownLatch earlierAppended = new CountDownLatch(1);
		CountDownLatch mayCommit = new CountDownLatch(1);
		CompletableFuture<Void> earlier = CompletableFuture
			.runAsync(() -> this.transactions.executeWithoutResult((tx) -> {
				appendOne("earlier");
				earlierAppended.countDown();
				await(mayCommit);
			}));
		await(earlierAppended);
		this.transactions.executeWithoutResult((tx) -> appendOne("later"));

		List<TrackedEventMessage<?>> first = fetch(engine, head, true);
		assertThat(first).extracting(this::bodyName).containsExactly("later");

		mayCommit.countDown();
		earlier.get(30, TimeUnit.SECONDS);
		List<TrackedEventMessage<?>> next = fetch(engine, first.get(0).trackingToken(), true);

		assertThat(next).extracting(this::bodyName).containsExactly("earlier");
	}

	private HeadFetchingEventStorageEngine inBatchesOf(int size) {
		return new HeadFetchingEventStorageEngine(JdbcEventStorageEngine.builder()
			.snapshotSerializer(this.serializer)
			.eventSerializer(this.serializer)
			.connectionProvider(this.connections)
			.transactionManager(this.axonTransactions)
			.schema(this.schema)
			.dataType(String.class)
			.batchSize(size)) {
			@Override
			protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
				HeadFetchingEventStorageEngineTest.this.fetches.incrementAndGet();
				return super.fetchTrackedEvents(lastToken, batchSize);
			}
		};
	}

	private List<TrackedEventMessage<?>> fetch(EventStorageEngine engine, TrackingToken from, boolean atTheHead) {
		try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(from, atTheHead)) {
			return List.copyOf(events.toList());
		}
	}

	private void append(int count) {
		this.transactions.executeWithoutResult((tx) -> {
			for (int n = 0; n < count; n++) {
				appendOne("fetched " + n);
			}
		});
	}

	private void appendOne(String name) {
		BodyId body = BodyId.of("fetched-" + UUID.randomUUID().toString().substring(0, 8));
		this.stored.appendEvents(new GenericDomainEventMessage<>("Body", body.toString(), 0,
				new BodyEstablished(body, name, BodyKind.WORKING_GROUP, null, null, LocalDate.of(2026, 12, 4))));
	}

	private String bodyName(TrackedEventMessage<?> event) {
		return ((BodyEstablished) event.getPayload()).name();
	}

	private static void await(CountDownLatch latch) {
		try {
			if (!latch.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("waited 30 s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
