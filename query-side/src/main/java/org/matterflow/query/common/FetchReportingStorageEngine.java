package org.matterflow.query.common;

import java.util.Spliterator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * The storage engine as the embedded event store's producer sees it: a fetch that may
 * wait (the producer's, for the processors at the head of the store) reports when it has
 * handed over its last event, if it found any. By then the producer has put them where
 * the waiting processors read, so a processor called back finds them all: one call per
 * fetch lets each processor take what arrived in one batch.
 *
 * <p>
 * Axon's producer fetches again at once after every fetch that found events, to see
 * whether more arrived meanwhile. Such a fetch reads the store only if a fetch was asked
 * for ({@link #fetchAsked}) since the last one began: every commit is announced, so
 * without an ask nothing arrived that it could find, and the producer waits for the next
 * ask or its own fetch delay. Everything else passes through.
 */
final class FetchReportingStorageEngine extends ForwardingStorageEngine {

	private static final long NOT_CAUGHT_UP = -1;

	private final Runnable fetched;

	private final AtomicLong asks = new AtomicLong();

	/**
	 * The asks counted when the last fetch that found events began, once it has ended.
	 */
	private volatile long caughtUpAtAsk = NOT_CAUGHT_UP;

	FetchReportingStorageEngine(EventStorageEngine delegate, Runnable fetched) {
		super(delegate);
		this.fetched = fetched;
	}

	/** Someone knows of events the last fetch may not have seen. */
	void fetchAsked() {
		this.asks.incrementAndGet();
	}

	@Override
	public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
		if (!mayBlock) {
			// a processor reading on its own, behind the head: it needs no call
			return this.delegate.readEvents(trackingToken, false);
		}
		long asksAtStart = this.asks.get();
		boolean nothingAnnounced = this.caughtUpAtAsk == asksAtStart;
		this.caughtUpAtAsk = NOT_CAUGHT_UP;
		if (nothingAnnounced) {
			// the producer's look again right after finding events
			return Stream.empty();
		}
		Stream<? extends TrackedEventMessage<?>> events = this.delegate.readEvents(trackingToken, true);
		Runnable caughtUp = () -> {
			this.caughtUpAtAsk = asksAtStart;
			this.fetched.run();
		};
		return StreamSupport.stream(new Reporting<>(events.spliterator(), caughtUp), false).onClose(events::close);
	}

	private static final class Reporting<T> implements Spliterator<T> {

		private final Spliterator<T> delegate;

		private final Runnable fetched;

		private boolean handedOver;

		private boolean reported;

		Reporting(Spliterator<T> delegate, Runnable fetched) {
			this.delegate = delegate;
			this.fetched = fetched;
		}

		@Override
		public boolean tryAdvance(Consumer<? super T> action) {
			boolean advanced = this.delegate.tryAdvance(action);
			if (advanced) {
				this.handedOver = true;
			}
			else if (this.handedOver && !this.reported) {
				this.reported = true;
				this.fetched.run();
			}
			return advanced;
		}

		@Override
		public Spliterator<T> trySplit() {
			return null;
		}

		@Override
		public long estimateSize() {
			return this.delegate.estimateSize();
		}

		@Override
		public int characteristics() {
			return this.delegate.characteristics() & ~(SIZED | SUBSIZED);
		}

	}

}
