package org.matterflow.command.common;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;

/**
 * What the command being sent on this thread appended to its own stream (the command bus
 * handles it on the sending thread): the last sequence number, as the event bus publishes
 * it, and where each event landed, as its insert returned it (the event store's append
 * reports each row's global index here). A command's answer names its own last event from
 * this, without reading it back.
 */
public final class AppendedPositions {

	private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

	private AppendedPositions() {
	}

	/** Starts recording what is appended to the stream until the scope is closed. */
	public static Scope open(String streamId) {
		Scope scope = new Scope(streamId, CURRENT.get());
		CURRENT.set(scope);
		return scope;
	}

	/**
	 * Notes an event as its unit of work publishes it, if it is of the open scope's
	 * stream.
	 */
	public static void published(EventMessage<?> event) {
		Scope scope = CURRENT.get();
		if (scope != null && event instanceof DomainEventMessage<?> domainEvent
				&& scope.streamId.equals(domainEvent.getAggregateIdentifier())) {
			scope.sequenceNumber = Math.max(scope.sequenceNumber, domainEvent.getSequenceNumber());
		}
	}

	/** Records an appended event's position, if it is of the open scope's stream. */
	public static void appended(String streamId, long sequenceNumber, long position) {
		Scope scope = CURRENT.get();
		if (scope != null && scope.streamId.equals(streamId)) {
			scope.positions.put(sequenceNumber, position);
		}
	}

	/** What one command appended to its stream on this thread. */
	public static final class Scope implements AutoCloseable {

		private final String streamId;

		private final Scope outer;

		private long sequenceNumber = -1;

		private final Map<Long, Long> positions = new HashMap<>();

		private Scope(String streamId, Scope outer) {
			this.streamId = streamId;
			this.outer = outer;
		}

		/** The last sequence number published to the stream, -1 if none. */
		public long sequenceNumber() {
			return this.sequenceNumber;
		}

		public OptionalLong positionOf(long sequenceNumber) {
			Long position = this.positions.get(sequenceNumber);
			return (position != null) ? OptionalLong.of(position) : OptionalLong.empty();
		}

		@Override
		public void close() {
			if (this.outer != null) {
				CURRENT.set(this.outer);
			}
			else {
				CURRENT.remove();
			}
		}

	}

}
