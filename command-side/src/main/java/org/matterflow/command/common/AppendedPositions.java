package org.matterflow.command.common;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Where the events appended on this thread landed, as their inserts returned it, for as
 * long as a scope is open: a command's answer names its event's position without reading
 * it back (the event store's append reports each row's global index here).
 */
public final class AppendedPositions {

	private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

	private AppendedPositions() {
	}

	/** Starts recording on this thread until the scope is closed. */
	public static Scope open() {
		Scope scope = new Scope(CURRENT.get());
		CURRENT.set(scope);
		return scope;
	}

	/** Records an appended event's position, if a scope is open on this thread. */
	public static void appended(String streamId, long sequenceNumber, long position) {
		Scope scope = CURRENT.get();
		if (scope != null) {
			scope.positions.put(streamId + "#" + sequenceNumber, position);
		}
	}

	/** What one command appended on this thread. */
	public static final class Scope implements AutoCloseable {

		private final Scope outer;

		private final Map<String, Long> positions = new HashMap<>();

		private Scope(Scope outer) {
			this.outer = outer;
		}

		public OptionalLong positionOf(String streamId, long sequenceNumber) {
			Long position = this.positions.get(streamId + "#" + sequenceNumber);
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
