package org.matterflow.query.common;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * A storage engine that passes everything to another: the base of those here that change
 * only how the event stream is read.
 */
abstract class ForwardingStorageEngine implements EventStorageEngine {

	protected final EventStorageEngine delegate;

	ForwardingStorageEngine(EventStorageEngine delegate) {
		this.delegate = delegate;
	}

	@Override
	public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
		return this.delegate.readEvents(trackingToken, mayBlock);
	}

	@Override
	public void appendEvents(List<? extends EventMessage<?>> events) {
		this.delegate.appendEvents(events);
	}

	@Override
	public void storeSnapshot(DomainEventMessage<?> snapshot) {
		this.delegate.storeSnapshot(snapshot);
	}

	@Override
	public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
		return this.delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
	}

	@Override
	public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
		return this.delegate.readSnapshot(aggregateIdentifier);
	}

	@Override
	public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
		return this.delegate.lastSequenceNumberFor(aggregateIdentifier);
	}

	@Override
	public TrackingToken createTailToken() {
		return this.delegate.createTailToken();
	}

	@Override
	public TrackingToken createHeadToken() {
		return this.delegate.createHeadToken();
	}

	@Override
	public TrackingToken createTokenAt(Instant dateTime) {
		return this.delegate.createTokenAt(dateTime);
	}

}
