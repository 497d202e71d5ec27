package org.matterflow.query.common;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * Axon's embedded event store, told when to fetch and telling when it has. Its producer
 * fetches new events for the processors at the head of the store every fetch delay, or at
 * once when an append in this process commits; the query side's events are appended by
 * the command side, so nothing here commits them. {@link AppendListener} (the command
 * side's notices) and {@link EventSource} (the head of the table, where notices do not
 * arrive) ask for a fetch, so the fetch delay is left to bound only what neither
 * announces. Whenever the producer has fetched new events, those waiting for them are
 * called: Axon's store offers its processors no such callback, and without it a processor
 * that has caught up would look again only after a pause of its own.
 *
 * <p>
 * At shutdown its reads stop, and a batch being read is waited for, before Axon's store
 * is shut down ({@link StoppableStorageEngine}): a producer still catching up would
 * otherwise read on past the connection pool's close.
 */
public class WakeableEventStore extends EmbeddedEventStore {

	private final Set<Runnable> fetchListeners;

	/**
	 * A batch is read in milliseconds; one still being read after this is given up on,
	 * well within the time a container is given to stop.
	 */
	private static final Duration READS_STOP_BOUND = Duration.ofSeconds(10);

	private final FetchReportingStorageEngine engine;

	private final StoppableStorageEngine reads;

	private WakeableEventStore(EmbeddedEventStore.Builder builder, FetchReportingStorageEngine engine,
			StoppableStorageEngine reads, Set<Runnable> fetchListeners) {
		super(builder.storageEngine(engine));
		this.engine = engine;
		this.reads = reads;
		this.fetchListeners = fetchListeners;
	}

	/** A store over the engine that fetches by itself once per fetch delay. */
	public static WakeableEventStore over(EventStorageEngine engine, Duration fetchDelay) {
		Set<Runnable> listeners = new CopyOnWriteArraySet<>();
		StoppableStorageEngine reads = new StoppableStorageEngine(engine);
		FetchReportingStorageEngine reporting = new FetchReportingStorageEngine(reads,
				() -> listeners.forEach(Runnable::run));
		return new WakeableEventStore(EmbeddedEventStore.builder().fetchDelay(fetchDelay.toMillis()), reporting, reads,
				listeners);
	}

	@Override
	public void shutDown() {
		this.reads.stop(READS_STOP_BOUND);
		super.shutDown();
	}

	/**
	 * Fetches new events now, or once the fetch under way has ended: they may have been
	 * appended after it began.
	 */
	public void fetchNow() {
		this.engine.fetchAsked();
		// what an append in this process does after its commit
		afterCommit(List.of());
	}

	/**
	 * Runs the listener, on the producer's thread, each time it has fetched new events.
	 */
	public void onFetched(Runnable listener) {
		this.fetchListeners.add(listener);
	}

}
