package org.matterflow.query.common;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The event store as the query side's processors read it, with a call when new events
 * arrive.
 *
 * <p>
 * A pooled streaming processor that has caught up asks its stream to call it back when
 * events become available; Axon's embedded event store cannot, so the processor would
 * look again only after a pause of its own, and that pause was most of the lag between a
 * command and its answer on the query side (benchmark: 286 ms at p50 on an idle machine).
 * Here every waiting processor is called each time the store has fetched new events
 * ({@link WakeableEventStore#onFetched}), and every 500 ms in any case. The store is
 * asked to fetch when the command side's notice arrives ({@link AppendListener}); while
 * no notices arrive, one thread watches the head of the event table instead (one
 * index-only query per {@code matterflow.event-store.poll-interval}, however many
 * processors there are) and asks for a fetch when it moves, and for a short while after,
 * for the events committed after a later one.
 */
@Component
public class EventSource implements StreamableMessageSource<TrackedEventMessage<?>>, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(EventSource.class);

	private static final long KEEP_FETCHING_NANOS = TimeUnit.MILLISECONDS.toNanos(300);

	private static final long ALWAYS_WAKE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

	private final WakeableEventStore events;

	private final EventStoreHead head;

	private final AppendListener notices;

	private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();

	private final ScheduledExecutorService watcher;

	private final long pollNanos;

	private long lastHead = Long.MIN_VALUE;

	private long movedAt;

	private long wokeAllAt;

	EventSource(WakeableEventStore events, EventStoreHead head, AppendListener notices,
			@Value("${matterflow.event-store.poll-interval:25ms}") Duration pollInterval) {
		this.events = events;
		this.head = head;
		this.notices = notices;
		this.events.onFetched(this::wakeAll);
		this.watcher = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "event-store-watch");
			thread.setDaemon(true);
			return thread;
		});
		this.pollNanos = pollInterval.toNanos();
		this.watcher.schedule(this::watchAndWait, this.pollNanos, TimeUnit.NANOSECONDS);
	}

	private void wakeAll() {
		this.callbacks.forEach(Runnable::run);
	}

	/**
	 * Watches, then waits the poll interval while no notices arrive, and only until the
	 * next call of every processor while they do.
	 */
	private void watchAndWait() {
		try {
			watch();
		}
		finally {
			long wait = this.notices.listening() ? Math.max(this.pollNanos, ALWAYS_WAKE_NANOS) : this.pollNanos;
			try {
				this.watcher.schedule(this::watchAndWait, wait, TimeUnit.NANOSECONDS);
			}
			catch (RejectedExecutionException ex) {
				// shut down
			}
		}
	}

	private void watch() {
		if (this.callbacks.isEmpty()) {
			return;
		}
		long now = System.nanoTime();
		if (!this.notices.listening()) {
			watchHead(now);
		}
		// less one interval: the watch may run a moment early
		if (now - this.wokeAllAt >= ALWAYS_WAKE_NANOS - this.pollNanos) {
			// a processor that missed its call, having registered it just after one
			this.wokeAllAt = now;
			wakeAll();
		}
	}

	private void watchHead(long now) {
		try {
			long current = this.head.refresh();
			if (current != this.lastHead) {
				this.lastHead = current;
				this.movedAt = now;
			}
			if (now - this.movedAt < KEEP_FETCHING_NANOS) {
				this.events.fetchNow();
			}
		}
		catch (RuntimeException ex) {
			// the store still fetches by itself every idle-fetch-interval
			log.debug("Could not read the head of the event store: {}", ex.getMessage());
		}
	}

	@Override
	public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
		return new WakingStream(this.events.openStream(token));
	}

	@Override
	public TrackingToken createTailToken() {
		return this.events.createTailToken();
	}

	@Override
	public TrackingToken createHeadToken() {
		return this.events.createHeadToken();
	}

	@Override
	public TrackingToken createTokenAt(Instant dateTime) {
		return this.events.createTokenAt(dateTime);
	}

	@Override
	public TrackingToken createTokenSince(Duration duration) {
		return this.events.createTokenSince(duration);
	}

	@Override
	public void destroy() {
		this.watcher.shutdownNow();
	}

	private final class WakingStream implements BlockingStream<TrackedEventMessage<?>> {

		private final BlockingStream<TrackedEventMessage<?>> delegate;

		private volatile Runnable callback;

		WakingStream(BlockingStream<TrackedEventMessage<?>> delegate) {
			this.delegate = delegate;
		}

		@Override
		public Optional<TrackedEventMessage<?>> peek() {
			return this.delegate.peek();
		}

		@Override
		public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
			return this.delegate.hasNextAvailable(timeout, unit);
		}

		@Override
		public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
			return this.delegate.nextAvailable();
		}

		@Override
		public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
			this.delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
		}

		@Override
		public Stream<TrackedEventMessage<?>> asStream() {
			return this.delegate.asStream();
		}

		@Override
		public boolean setOnAvailableCallback(Runnable callback) {
			if (this.callback != null) {
				EventSource.this.callbacks.remove(this.callback);
			}
			this.callback = callback;
			EventSource.this.callbacks.add(callback);
			return true;
		}

		@Override
		public void close() {
			if (this.callback != null) {
				EventSource.this.callbacks.remove(this.callback);
			}
			this.delegate.close();
		}

	}

}
