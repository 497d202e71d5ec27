package org.matterflow.command.infrastructure;

import java.util.List;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's embedded event store, announcing each commit that appended events to the query
 * sides ({@link AppendAnnouncer}), which otherwise would have to poll the event table to
 * learn of it.
 */
public class AnnouncingEventStore extends EmbeddedEventStore {

	private final AppendAnnouncer announcer;

	public AnnouncingEventStore(EmbeddedEventStore.Builder builder, AppendAnnouncer announcer) {
		super(builder);
		this.announcer = announcer;
	}

	@Override
	protected void afterCommit(List<? extends EventMessage<?>> events) {
		super.afterCommit(events);
		if (events.isEmpty()) {
			return;
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()
				&& TransactionSynchronizationManager.isActualTransactionActive()) {
			// the unit of work joined its caller's transaction (a meeting record imported
			// whole): the events are in the store once that one commits, if it does
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					AnnouncingEventStore.this.announcer.appended();
				}
			});
		}
		else {
			this.announcer.appended();
		}
	}

}
