package org.matterflow.command.infrastructure;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.matterflow.testing.TestDatabase;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reads of the event store stop at shutdown before the connection pool closes: over
 * Axon's JDBC engine on a real PostgreSQL, in batches of ten events, counting every
 * connection the engine asks for.
 */
class StoppableStorageEngineTest {

	private static final int BATCH = 10;

	private final Connections connections = new Connections();

	private JdbcEventStorageEngine jdbc;

	private StoppableStorageEngine engine;

	@BeforeEach
	void storeOfAHundredEvents() {
		TestDatabase.Connection database = TestDatabase.create("stoppable");
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(database.url());
		dataSource.setUser(database.username());
		dataSource.setPassword(database.password());
		this.connections.dataSource = dataSource;
		JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
		this.jdbc = JdbcEventStorageEngine.builder()
			.connectionProvider(this.connections)
			.transactionManager(NoTransactionManager.INSTANCE)
			.snapshotSerializer(serializer)
			.eventSerializer(serializer)
			.batchSize(BATCH)
			.build();
		this.jdbc.createSchema(PostgresEventTableFactory.INSTANCE);
		append(0, 100);
		this.engine = new StoppableStorageEngine(this.jdbc);
	}

	private void append(int from, int count) {
		this.jdbc.appendEvents(IntStream.range(from, from + count)
			.mapToObj((i) -> new GenericDomainEventMessage<>("Probe", "probe-1", i, "event " + i))
			.toList());
	}

	@Test
	void the_process_managers_event_store_stops_its_producer_catching_up_when_it_is_shut_down() throws Exception {
		EmbeddedEventStore store = ProcessManagerConfiguration.readingStore(this.jdbc, Duration.ofMillis(100));
		try (TrackingEventStream events = store.openStream(null)) {
			for (int i = 0; i < 100; i++) {
				events.nextAvailable();
			}
			// caught up: the stream now reads what the store's producer fetches
			assertThat(events.hasNextAvailable()).isFalse();
			append(100, 1000);
			this.connections.holdNext();
			assertThat(this.connections.held.await(10, TimeUnit.SECONDS))
				.as("the producer, at its next look, is catching up")
				.isTrue();

			CompletableFuture<Void> shuttingDown = CompletableFuture.runAsync(store::shutDown);
			await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !shuttingDown.isDone());
			this.connections.release();
			shuttingDown.get(10, TimeUnit.SECONDS);

			int taken = this.connections.taken.get();
			await().during(Duration.ofMillis(500))
				.atMost(Duration.ofSeconds(2))
				.untilAsserted(
						() -> assertThat(this.connections.taken).as("batches read after shutdown").hasValue(taken));
		}
	}

	@Test
	void a_stream_being_read_ends_before_its_next_batch_once_reads_are_stopped() {
		Iterator<? extends TrackedEventMessage<?>> events = this.engine.readEvents(null, true).iterator();
		for (int i = 0; i < 15; i++) {
			events.next();
		}
		int taken = this.connections.taken.get();

		assertThat(this.engine.stop(Duration.ofSeconds(5))).isTrue();

		assertThat(events.hasNext()).isFalse();
		assertThat(this.connections.taken).hasValue(taken);
	}

	@Test
	void a_stream_opened_after_reads_are_stopped_is_empty_and_reads_nothing() {
		this.engine.stop(Duration.ofSeconds(5));
		int taken = this.connections.taken.get();

		assertThat(this.engine.readEvents(null, false)).isEmpty();
		assertThat(this.engine.readEvents(null, true)).isEmpty();
		assertThat(this.connections.taken).hasValue(taken);
	}

	@Test
	void stopping_waits_for_a_batch_being_read_and_hands_over_no_more_after_it() throws Exception {
		Iterator<? extends TrackedEventMessage<?>> events = this.engine.readEvents(null, true).iterator();
		this.connections.holdNext();
		CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> {
			List<Object> all = new ArrayList<>();
			events.forEachRemaining(all::add);
			return all.size();
		});
		assertThat(this.connections.held.await(10, TimeUnit.SECONDS)).as("a batch is being read").isTrue();

		CompletableFuture<Boolean> stopping = CompletableFuture
			.supplyAsync(() -> this.engine.stop(Duration.ofSeconds(10)));
		await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !stopping.isDone());

		this.connections.release();
		assertThat(stopping.get(10, TimeUnit.SECONDS)).isTrue();
		// the event of the read under way is handed over; the rest of its batch is not
		assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo(1);
	}

	@Test
	void stopping_gives_up_waiting_after_its_bound_when_a_read_hangs() throws Exception {
		Iterator<? extends TrackedEventMessage<?>> events = this.engine.readEvents(null, true).iterator();
		this.connections.holdNext();
		CompletableFuture<Boolean> reading = CompletableFuture.supplyAsync(events::hasNext);
		assertThat(this.connections.held.await(10, TimeUnit.SECONDS)).isTrue();

		assertThat(this.engine.stop(Duration.ofMillis(100))).isFalse();

		this.connections.release();
		assertThat(reading.get(10, TimeUnit.SECONDS)).isTrue();
		events.next();
		assertThat(events.hasNext()).isFalse();
	}

	/** The test database's connections, counted, the next one held back on request. */
	private static final class Connections implements ConnectionProvider {

		final AtomicInteger taken = new AtomicInteger();

		final CountDownLatch held = new CountDownLatch(1);

		private final CountDownLatch released = new CountDownLatch(1);

		private volatile boolean holdNext;

		PGSimpleDataSource dataSource;

		void holdNext() {
			this.holdNext = true;
		}

		void release() {
			this.released.countDown();
		}

		@Override
		public Connection getConnection() throws SQLException {
			this.taken.incrementAndGet();
			if (this.holdNext) {
				this.holdNext = false;
				this.held.countDown();
				try {
					this.released.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			return this.dataSource.getConnection();
		}

	}

}
