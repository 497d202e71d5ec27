package org.matterflow.query.common;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The position of the newest event in the store, read at most every 100 ms however often
 * the lag gauges and health checks ask (and more often while {@link EventSource} watches
 * it).
 */
@Component
public class EventStoreHead {

	private final JdbcClient jdbc;

	private final AtomicLong cached = new AtomicLong(-1);

	private volatile long readAt;

	EventStoreHead(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long position() {
		if (System.nanoTime() - this.readAt > 100_000_000L) {
			return refresh();
		}
		return this.cached.get();
	}

	/**
	 * Reads the head now, for those that watch it move; the others get this value too.
	 */
	public long refresh() {
		long head = this.jdbc.sql("SELECT coalesce(max(global_index), -1) FROM events.domain_event_entry")
			.query(Long.class)
			.single();
		this.cached.set(head);
		this.readAt = System.nanoTime();
		return head;
	}

}
