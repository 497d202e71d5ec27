package org.matterflow.query.common;

import java.util.List;

import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's embedded event store, told when to fetch. Its producer fetches new events for
 * the processors at the head of the store every fetch delay, or at once when an append in
 * this process commits; the query side's events are appended by the command side, so
 * nothing here commits them. {@link EventSource}, which watches the head of the event
 * table, asks for a fetch whenever it wakes the processors, so the fetch delay is left to
 * bound only what no watch announces, and an idle query side no longer fetches every few
 * milliseconds.
 */
public class WakeableEventStore extends EmbeddedEventStore {

	public WakeableEventStore(EmbeddedEventStore.Builder builder) {
		super(builder);
	}

	/** Fetches new events now, if the producer is waiting for its next fetch. */
	public void fetchNow() {
		// what an append in this process does after its commit
		afterCommit(List.of());
	}

}
