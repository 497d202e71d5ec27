package org.matterflow.query.webhooks;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Webhook subscriptions and their delivery log, in PostgreSQL, so that delivery progress
 * survives restarts and several query-side nodes share the work: a dispatcher leases a
 * subscription before it delivers, and a lease that is not renewed runs out.
 */
@Component
class Subscriptions {

	/** A subscription as the dispatcher needs it. */
	record Subscription(String id, String url, List<String> types, String secret, String owner, String status,
			String pausedReason, long deliveredUpTo, int attempts, Instant nextAttemptAt, Instant createdAt) {

		static final List<String> VIEW_COLUMNS = List.of("id", "url", "types", "owner", "status", "pausedReason",
				"deliveredUpTo", "failedAttempts", "nextAttemptAt", "createdAt");

		Map<String, Object> view() {
			Map<String, Object> view = new LinkedHashMap<>();
			view.put("id", this.id);
			view.put("url", this.url);
			view.put("types", this.types);
			view.put("owner", this.owner);
			view.put("status", this.status);
			view.put("pausedReason", this.pausedReason);
			view.put("deliveredUpTo", this.deliveredUpTo);
			view.put("failedAttempts", this.attempts);
			view.put("nextAttemptAt", this.nextAttemptAt.toString());
			view.put("createdAt", this.createdAt.toString());
			return view;
		}

	}

	private static final String COLUMNS = "id, url, types, secret, owner, status, paused_reason, delivered_up_to, "
			+ "attempts, next_attempt_at, created_at";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	Subscriptions(JdbcClient jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	void create(String id, String url, List<String> types, String secret, String owner, long after) {
		this.jdbc.sql(
				"INSERT INTO projections.webhook_subscription (id, url, types, secret, owner, status, delivered_up_to) "
						+ "VALUES (?, ?, ?::text[], ?, ?, 'ACTIVE', ?)")
			.params(id, url, "{" + String.join(",", types) + "}", secret, owner, after)
			.update();
	}

	Optional<Subscription> find(String id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM projections.webhook_subscription WHERE id = ?")
			.param(id)
			.query(Subscriptions::row)
			.optional();
	}

	List<Subscription> ownedBy(String owner) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM projections.webhook_subscription WHERE owner = ? ORDER BY created_at")
			.param(owner)
			.query(Subscriptions::row)
			.list();
	}

	List<Map<String, Object>> deliveries(String id, int limit) {
		return this.jdbc
			.sql("SELECT event_id, position, attempt, status_code, error, duration_ms, attempted_at "
					+ "FROM projections.webhook_delivery WHERE subscription_id = ? ORDER BY id DESC LIMIT ?")
			.params(id, limit)
			.query((row, n) -> {
				Map<String, Object> delivery = new LinkedHashMap<>();
				delivery.put("eventId", row.getString("event_id"));
				delivery.put("position", row.getLong("position"));
				delivery.put("attempt", row.getInt("attempt"));
				delivery.put("statusCode", (Integer) row.getObject("status_code"));
				delivery.put("error", row.getString("error"));
				delivery.put("durationMs", row.getInt("duration_ms"));
				delivery.put("attemptedAt", row.getTimestamp("attempted_at").toInstant().toString());
				return delivery;
			})
			.list();
	}

	void pause(String id, String reason) {
		this.jdbc.sql("UPDATE projections.webhook_subscription SET status = 'PAUSED', paused_reason = ? WHERE id = ?")
			.params(reason, id)
			.update();
	}

	/** Resumes from the first event not yet delivered, with a clean slate of attempts. */
	void resume(String id) {
		this.jdbc
			.sql("UPDATE projections.webhook_subscription SET status = 'ACTIVE', paused_reason = NULL, attempts = 0, "
					+ "next_attempt_at = now() WHERE id = ?")
			.param(id)
			.update();
	}

	/** How many subscriptions are in the status, for the metric operators alert on. */
	long count(String status) {
		return this.jdbc.sql("SELECT count(*) FROM projections.webhook_subscription WHERE status = ?")
			.param(status)
			.query(Long.class)
			.single();
	}

	void delete(String id) {
		this.jdbc.sql("DELETE FROM projections.webhook_subscription WHERE id = ?").param(id).update();
	}

	/**
	 * Leases up to {@code limit} active subscriptions that are due and have an event to
	 * deliver; rows another dispatcher holds are skipped, not waited for.
	 */
	List<Subscription> lease(int limit, Duration lease) {
		return this.transactions.execute((status) -> this.jdbc
			.sql("UPDATE projections.webhook_subscription s SET lease_until = now() + ? * interval '1 millisecond' "
					+ "WHERE s.id IN (SELECT c.id FROM projections.webhook_subscription c WHERE c.status = 'ACTIVE' "
					+ "AND c.next_attempt_at <= now() AND (c.lease_until IS NULL OR c.lease_until < now()) "
					+ "AND EXISTS (SELECT 1 FROM projections.feed_event f WHERE f.position > c.delivered_up_to "
					+ "AND (cardinality(c.types) = 0 OR f.type = ANY(c.types))) "
					+ "ORDER BY c.next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING " + prefixed())
			.params(lease.toMillis(), limit)
			.query(Subscriptions::row)
			.list());
	}

	void delivered(String id, String eventId, long position, int attempt, int statusCode, long millis, Duration lease) {
		this.transactions.executeWithoutResult((status) -> {
			log(id, eventId, position, attempt, statusCode, null, millis);
			this.jdbc
				.sql("UPDATE projections.webhook_subscription SET delivered_up_to = ?, attempts = 0, "
						+ "next_attempt_at = now(), lease_until = now() + ? * interval '1 millisecond' WHERE id = ?")
				.params(position, lease.toMillis(), id)
				.update();
		});
	}

	/** Records a failed attempt; answers whether the subscription is now paused. */
	boolean failed(String id, String eventId, long position, int attempt, Integer statusCode, String error, long millis,
			int maxAttempts, Duration retryIn) {
		return Boolean.TRUE.equals(this.transactions.execute((status) -> {
			log(id, eventId, position, attempt, statusCode, error, millis);
			boolean pause = attempt >= maxAttempts;
			this.jdbc
				.sql("UPDATE projections.webhook_subscription SET attempts = ?, lease_until = NULL, "
						+ "next_attempt_at = now() + ? * interval '1 millisecond', status = ?, paused_reason = ? "
						+ "WHERE id = ?")
				.params(attempt, retryIn.toMillis(), pause ? "PAUSED" : "ACTIVE",
						pause ? "paused after " + attempt + " failed attempts to deliver event " + eventId
								+ ((statusCode != null) ? " (last answer " + statusCode + ")" : " (" + error + ")")
								: null,
						id)
				.update();
			return pause;
		}));
	}

	void release(String id) {
		this.jdbc.sql("UPDATE projections.webhook_subscription SET lease_until = NULL WHERE id = ?").param(id).update();
	}

	/**
	 * Deletes delivery attempts older than {@code keep}, {@code batch} rows per statement
	 * so that a large backlog never holds one long transaction; answers how many went.
	 */
	long pruneDeliveries(Duration keep, int batch) {
		long pruned = 0;
		int deleted;
		do {
			deleted = this.jdbc.sql("""
					DELETE FROM projections.webhook_delivery WHERE id IN (
					    SELECT id FROM projections.webhook_delivery
					    WHERE attempted_at < now() - make_interval(secs => ?) LIMIT ?)""")
				.params((double) keep.toSeconds(), batch)
				.update();
			pruned += deleted;
		}
		while (deleted == batch);
		return pruned;
	}

	private void log(String id, String eventId, long position, int attempt, Integer statusCode, String error,
			long millis) {
		this.jdbc
			.sql("INSERT INTO projections.webhook_delivery (subscription_id, event_id, position, attempt, status_code, "
					+ "error, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(id, eventId, position, attempt, statusCode,
					(error != null && error.length() > 1000) ? error.substring(0, 1000) : error, (int) millis)
			.update();
	}

	private static String prefixed() {
		return Arrays.stream(COLUMNS.split(", "))
			.map((column) -> "s." + column)
			.reduce((a, b) -> a + ", " + b)
			.orElseThrow();
	}

	private static Subscription row(ResultSet row, int n) throws SQLException {
		Array types = row.getArray("types");
		return new Subscription(row.getString("id"), row.getString("url"),
				(types != null) ? List.of((String[]) types.getArray()) : List.of(), row.getString("secret"),
				row.getString("owner"), row.getString("status"), row.getString("paused_reason"),
				row.getLong("delivered_up_to"), row.getInt("attempts"), row.getTimestamp("next_attempt_at").toInstant(),
				row.getTimestamp("created_at").toInstant());
	}

}
