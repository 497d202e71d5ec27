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
 * When the producer's fetch reports: after its first event is handed over and after its
 * last, so that processors called back find the events where they read. (The engine here
 * is in memory: what is tested is the stream around a fetch, not storage.)
 */
class FetchReportingStorageEngineTest {

	private final InMemoryEventStorageEngine stored = new InMemoryEventStorageEngine();

	private final AtomicInteger reports = new AtomicInteger();

	private final FetchReportingStorageEngine engine = new FetchReportingStorageEngine(this.stored,
			this.reports::incrementAndGet);

	@Test
	void a_fetch_of_several_events_reports_after_the_first_is_handed_over_and_after_the_last() {
		append(3);
		List<Integer> reportsSeenByTheConsumer = new ArrayList<>();

		try (Stream<? extends TrackedEventMessage<?>> events = this.engine.readEvents(null, true)) {
			events.forEach((event) -> reportsSeenByTheConsumer.add(this.reports.get()));
		}

		assertThat(reportsSeenByTheConsumer).as("none before an event is handed over, one after the first")
			.containsExactly(0, 1, 1);
		assertThat(this.reports).hasValue(2);
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
