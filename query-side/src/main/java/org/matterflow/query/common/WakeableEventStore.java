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
 */
public class WakeableEventStore extends EmbeddedEventStore {

	private final Set<Runnable> fetchListeners;

	private final FetchReportingStorageEngine engine;

	private WakeableEventStore(EmbeddedEventStore.Builder builder, FetchReportingStorageEngine engine,
			Set<Runnable> fetchListeners) {
		super(builder.storageEngine(engine));
		this.engine = engine;
		this.fetchListeners = fetchListeners;
	}

	/** A store over the engine that fetches by itself once per fetch delay. */
	public static WakeableEventStore over(EventStorageEngine engine, Duration fetchDelay) {
		Set<Runnable> listeners = new CopyOnWriteArraySet<>();
		FetchReportingStorageEngine reporting = new FetchReportingStorageEngine(engine,
				() -> listeners.forEach(Runnable::run));
		return new WakeableEventStore(EmbeddedEventStore.builder().fetchDelay(fetchDelay.toMillis()), reporting,
				listeners);
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
