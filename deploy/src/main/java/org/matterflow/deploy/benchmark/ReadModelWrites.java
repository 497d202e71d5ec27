package org.matterflow.deploy.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;

/**
 * The rows a rebuild wrote into the read models' new generations, inserted, updated and
 * deleted, from PostgreSQL's per-table counters. Row for row this is what the raw batched
 * insert does, so the rebuild's rate of projection writes compares with that baseline
 * directly; events per second alone leaves out that an event writes several rows in one
 * read model and none in another.
 */
record ReadModelWrites(long inserted, long updated, long deleted) {

	long rows() {
		return this.inserted + this.updated + this.deleted;
	}

	/**
	 * How long PostgreSQL may keep a backend's counts before it publishes them: after a
	 * commit at most a second, otherwise once the backend has been idle for ten seconds.
	 */
	static final Duration PUBLISHED_WITHIN = Duration.ofSeconds(11);

	/**
	 * The counts of the tables in {@code schemas} once PostgreSQL has published them all:
	 * read until they have stood still for {@code quiet}, at most six times.
	 */
	static ReadModelWrites in(List<String> schemas, String url, String user, String password, Duration quiet)
			throws Exception {
		ReadModelWrites last = read(schemas, url, user, password);
		for (int attempt = 0; attempt < 5; attempt++) {
			Thread.sleep(quiet.toMillis());
			ReadModelWrites now = read(schemas, url, user, password);
			if (now.equals(last)) {
				return now;
			}
			last = now;
		}
		return last;
	}

	private static ReadModelWrites read(List<String> schemas, String url, String user, String password)
			throws Exception {
		try (Connection connection = DriverManager.getConnection(url, user, password);
				PreparedStatement statement = connection
					.prepareStatement("SELECT coalesce(sum(n_tup_ins), 0), coalesce(sum(n_tup_upd), 0), "
							+ "coalesce(sum(n_tup_del), 0) FROM pg_stat_user_tables WHERE schemaname = ANY (?)")) {
			statement.setArray(1, connection.createArrayOf("text", schemas.toArray()));
			try (ResultSet row = statement.executeQuery()) {
				row.next();
				return new ReadModelWrites(row.getLong(1), row.getLong(2), row.getLong(3));
			}
		}
	}

}
