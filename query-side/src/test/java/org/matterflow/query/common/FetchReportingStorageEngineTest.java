package org.matterflow.query.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the producer's fetch reports: once its last event is handed over, so that
 * processors called back find all of them where they read. (The engine here is in memory:
 * what is tested is the stream around a fetch, not storage.)
 */
class FetchReportingStorageEngineTest {

	private final InMemoryEventStorageEngine stored = new InMemoryEventStorageEngine();

	private final AtomicInteger reports = new AtomicInteger();

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

	private void append(int count) {
		for (int sequence = 0; sequence < count; sequence++) {
			this.stored.appendEvents(new GenericDomainEventMessage<>("Body", "body-1", sequence, "event " + sequence));
		}
	}

}
