package org.matterflow.query.common;

import java.time.Duration;
import java.util.Spliterator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The storage engine as a reading event store sees it, with a way to stop its reads
 * before the connection pool closes.
 *
 * <p>
 * Axon's embedded event store, when shut down, closes the stream its producer reads, but
 * the JDBC engine's stream does not look at that: a producer catching up reads batch
 * after batch to the head of the store, past the pool's close, and each read logs an
 * ERROR ("Failed to read events from the underlying event storage ... has been closed").
 * Once {@link #stop stopped}, every stream this engine handed out ends before its next
 * event, so before it would fetch another batch, and a new stream is empty; {@code stop}
 * returns once a read under way has ended. Appends and an aggregate's events pass
 * through.
 */
final class StoppableStorageEngine extends ForwardingStorageEngine {

	private static final Logger log = LoggerFactory.getLogger(StoppableStorageEngine.class);

	/** Held shared by each read of an event, exclusively by {@link #stop}. */
	private final ReadWriteLock reads = new ReentrantReadWriteLock();

	private volatile boolean stopped;

	StoppableStorageEngine(EventStorageEngine delegate) {
		super(delegate);
	}

	/**
	 * Ends every stream before its next event and waits at most {@code bound} for a read
	 * under way (a batch being fetched) to end.
	 * @return whether the reads had ended within the bound
	 */
	boolean stop(Duration bound) {
		this.stopped = true;
		try {
			if (this.reads.writeLock().tryLock(bound.toMillis(), TimeUnit.MILLISECONDS)) {
				this.reads.writeLock().unlock();
				return true;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		log.warn("A read of the event store was still under way {} after it was stopped", bound);
		return false;
	}

	@Override
	public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
		if (this.stopped) {
			return Stream.empty();
		}
		Stream<? extends TrackedEventMessage<?>> events = this.delegate.readEvents(trackingToken, mayBlock);
		return StreamSupport.stream(new UntilStopped<>(events.spliterator()), false).onClose(events::close);
	}

	private final class UntilStopped<T> implements Spliterator<T> {

		private final Spliterator<T> delegate;

		UntilStopped(Spliterator<T> delegate) {
			this.delegate = delegate;
		}

		@Override
		public boolean tryAdvance(Consumer<? super T> action) {
			if (StoppableStorageEngine.this.stopped) {
				return false;
			}
			reads.readLock().lock();
			try {
				// looked at again under the lock: stop() may have taken it in between
				return !StoppableStorageEngine.this.stopped && this.delegate.tryAdvance(action);
			}
			finally {
				reads.readLock().unlock();
			}
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
