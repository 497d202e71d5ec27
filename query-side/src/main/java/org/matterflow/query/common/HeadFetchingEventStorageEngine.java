package org.matterflow.query.common;

import java.util.Iterator;
import java.util.List;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC engine, except that a fetch at the head of the event table (the store's
 * producer, for the processors that have caught up) ends with the first batch that is
 * shorter than the batch size instead of with an empty one.
 *
 * <p>
 * Axon's engine reads on until a batch comes back empty, because a short batch may have
 * stopped at a gap in the global index rather than at the head. At the head that costs a
 * second transaction for every fetch that found events: a query that finds nothing, and a
 * second one looking for events beyond the window (benchmark: 0.4 of them for every
 * command at one client). Here every commit is announced ({@link AppendListener}) or the
 * head is watched ({@link EventSource}), and each asks for a fetch, which starts from the
 * token the last one reached, gaps included; and the store fetches by itself every
 * {@code matterflow.event-store.idle-fetch-interval}. So what a short batch leaves behind
 * is read at the next of those, not lost. A processor reading behind the head (a rebuild)
 * reads as Axon's engine does.
 */
public class HeadFetchingEventStorageEngine extends JdbcEventStorageEngine {

	public HeadFetchingEventStorageEngine(JdbcEventStorageEngine.Builder builder) {
		super(builder);
	}

	@Override
	protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
		if (!mayBlock) {
			return super.readEventData(trackingToken, false);
		}
		return StreamSupport.stream(new UpToShortBatch(trackingToken), false);
	}

	private final class UpToShortBatch extends Spliterators.AbstractSpliterator<TrackedEventData<?>> {

		private TrackingToken last;

		private Iterator<? extends TrackedEventData<?>> batch;

		private boolean lastBatch;

		UpToShortBatch(TrackingToken from) {
			super(Long.MAX_VALUE, NONNULL | ORDERED | DISTINCT);
			this.last = from;
		}

		@Override
		public boolean tryAdvance(Consumer<? super TrackedEventData<?>> action) {
			if (this.batch == null || !this.batch.hasNext()) {
				if (this.lastBatch) {
					return false;
				}
				List<? extends TrackedEventData<?>> fetched = fetchTrackedEvents(this.last, batchSize());
				this.lastBatch = fetched.size() < batchSize();
				this.batch = fetched.iterator();
				if (!this.batch.hasNext()) {
					return false;
				}
			}
			TrackedEventData<?> next = this.batch.next();
			this.last = next.trackingToken();
			action.accept(next);
			return true;
		}

	}

}
