package org.matterflow.query.feed;

import java.util.ArrayList;
import java.util.List;

import org.matterflow.query.common.UnknownPosition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the integration feed in order, from a cursor, with optional filters. */
@Component
public class Feed {

	private final JdbcClient jdbc;

	Feed(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Which events a reader wants: any of these types, about this body, about this
	 * matter.
	 */
	public record Filter(List<String> types, String body, String matter) {

		public Filter {
			types = (types != null) ? types.stream().filter((type) -> !type.isBlank()).toList() : List.of();
			body = (body != null && !body.isBlank()) ? body : null;
			matter = (matter != null && !matter.isBlank()) ? matter : null;
		}

		public static Filter everything() {
			return new Filter(List.of(), null, null);
		}

	}

	/**
	 * One published event: its feed position, published type, and the CloudEvent JSON.
	 */
	public record Entry(long position, String eventId, String type, String json) {
	}

	public List<Entry> after(long position, int limit, Filter filter) {
		StringBuilder sql = new StringBuilder(
				"SELECT position, event_id, type, event FROM projections.feed_event WHERE position > ?");
		List<Object> params = new ArrayList<>(List.of(position));
		if (!filter.types().isEmpty()) {
			sql.append(" AND type = ANY(?)");
			params.add(filter.types().toArray(String[]::new));
		}
		if (filter.body() != null) {
			sql.append(" AND bodies @> ARRAY[?]::text[]");
			params.add(filter.body());
		}
		if (filter.matter() != null) {
			sql.append(" AND matters @> ARRAY[?]::text[]");
			params.add(filter.matter());
		}
		sql.append(" ORDER BY position LIMIT ?");
		params.add(limit);
		return this.jdbc.sql(sql.toString())
			.params(params)
			.query((row, n) -> new Entry(row.getLong(1), row.getString(2), row.getString(3), row.getString(4)))
			.list();
	}

	/**
	 * Refuses a cursor this feed cannot have given out, one past its newest event (see
	 * {@link UnknownPosition}).
	 */
	public void requireGivenOut(String parameter, long cursor) {
		if (cursor > 0) {
			long newest = head();
			if (cursor > newest) {
				throw UnknownPosition.inFeed(parameter, cursor, newest);
			}
		}
	}

	/**
	 * Refuses a cursor whose event is not the one the reader read there: the feed's
	 * positions after some point were given to other events, as after a restore of the
	 * database once new events have passed the cursor.
	 */
	public void requireEventAt(long position, String eventId) {
		String held = this.jdbc.sql("SELECT event_id FROM projections.feed_event WHERE position = ?")
			.param(position)
			.query(String.class)
			.optional()
			.orElse(null);
		if (!eventId.equals(held)) {
			long newest = head();
			throw (position > newest) ? UnknownPosition.inFeed("after", position, newest)
					: UnknownPosition.anotherEventInFeed(position, eventId, newest);
		}
	}

	/** The position of the newest event in the feed, 0 when it is empty. */
	public long head() {
		return this.jdbc.sql("SELECT coalesce(max(position), 0) FROM projections.feed_event")
			.query(Long.class)
			.single();
	}

}
