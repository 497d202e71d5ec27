package org.matterflow.query.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the producer's fetch reports: once its last event is handed over, so that
 * processors called back find all of them where they read; and when its look again right
 * after finding events is answered without the store. (The engine here is in memory: what
 * is tested is the stream around a fetch, not storage.)
 */
class FetchReportingStorageEngineTest {

	private final AtomicInteger storeReads = new AtomicInteger();

	private final InMemoryEventStorageEngine stored = new InMemoryEventStorageEngine() {
		@Override
		public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
			FetchReportingStorageEngineTest.this.storeReads.incrementAndGet();
			return super.readEvents(trackingToken, mayBlock);
		}
	};

	private final AtomicInteger reports = new AtomicInteger();

	private int appended;

	private final FetchReportingStorageEngine engine = new FetchReportingStorageEngine(this.stored,
			this.reports::incrementAndGet);

	@Test
	void a_fetch_of_several_events_reports_once_after_the_last_is_handed_over() {
		append(3);
		List<Integer> reportsSeenByTheConsumer = new ArrayList<>();

		try (Stream<? extends TrackedEventMessage<?>> events = this.engine.readEvents(null, true)) {
			events.forEach((event) -> reportsSeenByTheConsumer.add(this.reports.get()));
		}

		assertThat(reportsSeenByTheConsumer).as("none while events are being handed over").containsExactly(0, 0, 0);
		assertThat(this.reports).hasValue(1);
	}

	@Test
	void a_fetch_of_one_event_reports_once() {
		append(1);

		try (Stream<? extends TrackedEventMessage<?>> events = this.engine.readEvents(null, true)) {
			assertThat(events.count()).isEqualTo(1);
		}

		assertThat(this.reports).hasValue(1);
	}

	@Test
	void a_fetch_that_finds_nothing_new_reports_nothing() {
		try (Stream<? extends TrackedEventMessage<?>> events = this.engine.readEvents(null, true)) {
			assertThat(events.count()).isZero();
		}

		assertThat(this.reports).hasValue(0);
	}

	@Test
	void a_processor_reading_on_its_own_is_not_reported() {
		append(2);

		try (Stream<? extends TrackedEventMessage<?>> events = this.engine.readEvents(null, false)) {
			assertThat(events.count()).isEqualTo(2);
		}

		assertThat(this.reports).hasValue(0);
	}

	@Test
	void the_look_again_right_after_a_fetch_that_found_events_reads_nothing_from_the_store_when_nothing_was_announced() {
		append(2);
		assertThat(fetchAll(null)).hasSize(2);

		assertThat(fetchAll(null)).isEmpty();

		assertThat(this.storeReads).as("only the first fetch read the store").hasValue(1);
		assertThat(this.reports).hasValue(1);
	}

	@Test
	void a_fetch_asked_for_after_one_that_found_events_reads_the_store() {
		append(2);
		List<TrackedEventMessage<?>> first = fetchAll(null);
		append(1);

		this.engine.fetchAsked();

		assertThat(fetchAll(first.get(1).trackingToken())).hasSize(1);
		assertThat(this.storeReads).hasValue(2);
	}

	@Test
	void a_fetch_asked_for_while_a_fetch_is_under_way_is_read_from_the_store_afterwards() {
		append(2);
		try (Stream<? extends TrackedEventMessage<?>> events = this.engine.readEvents(null, true)) {
			// announced after the fetch began: it may not have seen what was announced
			this.engine.fetchAsked();
			assertThat(events.count()).isEqualTo(2);
		}

		fetchAll(null);

		assertThat(this.storeReads).hasValue(2);
	}

	@Test
	void only_the_one_look_again_is_answered_without_the_store() {
		append(2);
		fetchAll(null);
		fetchAll(null);

		fetchAll(null);

		assertThat(this.storeReads).as("the fetch after the producer's pause reads the store").hasValue(2);
	}

	@Test
	void a_fetch_that_found_nothing_leaves_the_next_one_to_the_store() {
		fetchAll(null);

		fetchAll(null);

		assertThat(this.storeReads).as("the producer's own fetches keep their bound").hasValue(2);
	}

	private List<TrackedEventMessage<?>> fetchAll(TrackingToken from) {
		try (Stream<? extends TrackedEventMessage<?>> events = this.engine.readEvents(from, true)) {
			return new ArrayList<>(events.toList());
		}
	}

	private void append(int count) {
		for (int sequence = 0; sequence < count; sequence++) {
			this.stored
				.appendEvents(new GenericDomainEventMessage<>("Body", "body-1", this.appended++, "event " + sequence));
		}
	}

}
