package org.matterflow.query.common;

import java.time.Duration;

import org.matterflow.kernel.InvalidValue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A client that just wrote passes the position the command side answered with; the query
 * is answered once the read model has processed that event, or refused with 503 after a
 * bound, so that a client never mistakes a read model that lags for one that lost its
 * write; or refused with 503 at once if the read model has parked that event in its
 * dead-letter queue; or with 409 within a fraction of a second if no event in the store
 * has that position. Any query of a read model is refused with 503 at once while the read
 * model is rebuilt for a new version of its tables.
 */
@Component
public class ReadYourWrites {

	private final ReadModels readModels;

	/**
	 * How long a request waits before it checks that its position is in the store at all.
	 * A view that follows reaches a new write within tens of milliseconds (lag p99 47–90
	 * ms in the benchmark's runs), so the usual request never reads the store's head.
	 */
	private static final Duration STORE_CHECKED_AFTER = Duration.ofMillis(200);

	private final Duration timeout;

	private final EventStoreHead head;

	ReadYourWrites(ReadModels readModels, EventStoreHead head,
			@Value("${matterflow.read-your-writes.timeout:5s}") Duration timeout) {
		this.readModels = readModels;
		this.head = head;
		this.timeout = timeout;
	}

	/**
	 * Returns the schema to read from once the read model has reached the position, if
	 * one is given.
	 */
	public String schemaAfter(String readModel, Long position) {
		if (position != null && position < 0) {
			// a command's answer never gives one: a client that computes it has a bug,
			// which an answer that waits for nothing would hide
			throw new InvalidValue("position",
					"position is the position a command's answer gave, 0 or more, not " + position);
		}
		this.readModels.requireServingVersion(readModel);
		if (position != null) {
			long started = System.nanoTime();
			long deadline = started + this.timeout.toNanos();
			boolean inStore = false;
			long pause = 2;
			while (!this.readModels.hasReached(readModel, position)) {
				long now = System.nanoTime();
				if (!inStore && now - started > STORE_CHECKED_AFTER.toNanos()) {
					requireInStore(position);
					inStore = true;
				}
				if (now > deadline) {
					throw new NotCaughtUp(readModel, position, this.timeout);
				}
				try {
					Thread.sleep(pause);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new NotCaughtUp(readModel, position, this.timeout);
				}
				// short pauses: the answer is late by at most one pause
				pause = Math.min(pause * 2, 10);
			}
			if (this.readModels.hasParked(readModel, position)) {
				throw new Parked(readModel, position);
			}
		}
		return this.readModels.schemaOf(readModel);
	}

	/**
	 * Refuses a position past the newest event in the store: no write was answered with
	 * it, and waiting for it would end in 503 and a retry that cannot succeed. The head
	 * is read again before refusing, as the cached one may predate the client's write.
	 */
	private void requireInStore(long position) {
		if (position > this.head.position()) {
			long newest = this.head.refresh();
			if (position > newest) {
				throw UnknownPosition.inStore(position, newest);
			}
		}
	}

	/**
	 * The read model could not handle the event at the position the client asked for and
	 * parked it (ADR 0013): an answer would leave the client's write out.
	 */
	public static class Parked extends RuntimeException {

		Parked(String readModel, long position) {
			super("the " + readModel + " view could not take in the change at position " + position
					+ " and has set it aside for an operator; until it is put right the view leaves it out");
		}

	}

	/**
	 * The read model has not reached the position the client asked for within the bound.
	 */
	public static class NotCaughtUp extends RuntimeException {

		NotCaughtUp(String readModel, long position, Duration timeout) {
			super("the " + readModel + " view has not yet caught up with position " + position + " after "
					+ timeout.toMillis() + " ms; retry shortly");
		}

	}

}
