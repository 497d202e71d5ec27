package org.matterflow.deploy.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the PostgreSQL server itself does with rows shaped like matterflow's events, over
 * plain JDBC with no framework: the yardstick every figure of the benchmark is divided
 * by. The table has the columns, keys and indexes of {@code events.domain_event_entry};
 * the payloads are the size of a typical recorded event.
 */
final class Baseline {

	/** A payload and metadata of the size matterflow writes for a decision. */
	static final String PAYLOAD = "{\"meetingId\":\"chefsgrupp-folkhalsa-2025-05-22\",\"decisionId\":\"d-4\","
			+ "\"itemId\":\"4\",\"matterId\":\"foraldraskapsstodsstrategin\",\"kind\":\"ADOPT_PROPOSAL\","
			+ "\"text\":\"Arbetsgruppens uppdrag beslutades i enlighet med förslaget; enheten återkommer till "
			+ "länsdelsgrupperna med en plan för hösten.\"}";

	static final String METADATA = "{\"recordedBy\":\"secretary\",\"businessDate\":\"2025-05-22\","
			+ "\"correlationId\":\"6c1f0e2a-9b3d-4c1e-9a53-1d2b0c7e9b10\",\"causationId\":\"6c1f0e2a-9b3d-4c1e-9a53-1d2b0c7e9b10\","
			+ "\"recordedAt\":\"2025-05-22T10:14:07.123Z\"}";

	/** The thread that keeps a core awake during the machine's check. */
	static final String CORE_AWAKE = "baseline-core-awake";

	private final String url;

	private final String user;

	private final String password;

	Baseline(String url, String user, String password) {
		this.url = url;
		this.user = user;
		this.password = password;
	}

	void createTable() throws SQLException {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("DROP TABLE IF EXISTS raw_event, raw_event_batched");
			statement.execute("""
					CREATE TABLE raw_event (
					    global_index         BIGSERIAL PRIMARY KEY,
					    event_identifier     VARCHAR(255) NOT NULL UNIQUE,
					    aggregate_identifier VARCHAR(255) NOT NULL,
					    sequence_number      BIGINT NOT NULL,
					    type                 VARCHAR(255),
					    time_stamp           VARCHAR(255) NOT NULL,
					    payload_type         VARCHAR(255) NOT NULL,
					    payload_revision     VARCHAR(255),
					    payload              BYTEA NOT NULL,
					    meta_data            BYTEA,
					    UNIQUE (aggregate_identifier, sequence_number))""");
			statement.execute("CREATE TABLE raw_event_batched (LIKE raw_event INCLUDING ALL)");
		}
	}

	/**
	 * One row per transaction from each of {@code clients} connections for the duration,
	 * as a command appends its events.
	 */
	Latencies singleRowInserts(int clients, Duration duration) throws Exception {
		return inserts("raw_event", clients, 1, duration);
	}

	/**
	 * {@code batch} rows per transaction: what a replay or an import writes. Into a table
	 * of its own, emptied first: a rebuild writes into the empty tables of a new
	 * generation, and the same inserts into the read baseline's million rows ran a
	 * quarter to a third slower (pgbench, 500 rows a transaction: 38 and 42 against 54
	 * and 56 a second), which would have flattered every rebuild measured after the table
	 * was filled.
	 */
	Latencies batchedInserts(int clients, int batch, Duration duration) throws Exception {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("TRUNCATE raw_event_batched");
		}
		return inserts("raw_event_batched", clients, batch, duration);
	}

	private Latencies inserts(String table, int clients, int batch, Duration duration) throws Exception {
		Latencies rows = new Latencies();
		AtomicBoolean stop = new AtomicBoolean();
		List<Thread> threads = new ArrayList<>();
		List<Exception> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
		rows.restart();
		for (int client = 0; client < clients; client++) {
			String stream = "raw-" + UUID.randomUUID();
			Thread thread = new Thread(() -> {
				try (Connection connection = connect()) {
					connection.setAutoCommit(false);
					PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
							+ " (event_identifier, "
							+ "aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, "
							+ "payload, meta_data) VALUES (?, ?, ?, 'Meeting', ?, 'org.matterflow.kernel.meeting.DecisionTaken', '1', ?, ?)");
					byte[] payload = PAYLOAD.getBytes(java.nio.charset.StandardCharsets.UTF_8);
					byte[] metadata = METADATA.getBytes(java.nio.charset.StandardCharsets.UTF_8);
					long sequence = 0;
					while (!stop.get()) {
						long start = System.nanoTime();
						for (int i = 0; i < batch; i++) {
							insert.setString(1, UUID.randomUUID().toString());
							insert.setString(2, stream);
							insert.setLong(3, sequence++);
							insert.setString(4, java.time.Instant.now().toString());
							insert.setBytes(5, payload);
							insert.setBytes(6, metadata);
							if (batch == 1) {
								insert.executeUpdate();
							}
							else {
								insert.addBatch();
							}
						}
						if (batch > 1) {
							insert.executeBatch();
						}
						connection.commit();
						// counted per row; the latency is the transaction's
						rows.record(System.nanoTime() - start, batch);
					}
				}
				catch (Exception ex) {
					failures.add(ex);
				}
			}, "baseline-" + client);
			threads.add(thread);
			thread.start();
		}
		Thread.sleep(duration.toMillis());
		stop.set(true);
		for (Thread thread : threads) {
			thread.join();
		}
		rows.end();
		if (!failures.isEmpty()) {
			throw failures.get(0);
		}
		return rows;
	}

	/**
	 * Fills the table up to {@code rows} rows in one statement, for the read baseline.
	 */
	void fillTo(long rows) throws SQLException {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			long have;
			try (ResultSet count = statement.executeQuery("SELECT count(*) FROM raw_event")) {
				count.next();
				have = count.getLong(1);
			}
			if (have < rows) {
				statement.execute("INSERT INTO raw_event (event_identifier, aggregate_identifier, sequence_number, "
						+ "type, time_stamp, payload_type, payload_revision, payload, meta_data) "
						+ "SELECT gen_random_uuid()::text, 'fill-' || (n / 50), n % 50, 'Meeting', now()::text, "
						+ "'org.matterflow.kernel.meeting.DecisionTaken', '1', convert_to('"
						+ PAYLOAD.replace("'", "''") + "', 'UTF8'), convert_to('" + METADATA
						+ "', 'UTF8') FROM generate_series(1, " + (rows - have) + ") AS n");
				statement.execute("VACUUM ANALYZE raw_event");
			}
		}
	}

	/**
	 * Reads every row in global order as a tracking processor does, in pages of
	 * {@code page} rows; answers rows per second.
	 */
	double sequentialRead(int page) throws SQLException {
		try (Connection connection = connect()) {
			connection.setAutoCommit(false);
			PreparedStatement read = connection.prepareStatement("SELECT global_index, event_identifier, "
					+ "aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, "
					+ "payload, meta_data FROM raw_event WHERE global_index > ? ORDER BY global_index LIMIT ?");
			long after = -1;
			long rows = 0;
			long start = System.nanoTime();
			while (true) {
				read.setLong(1, after);
				read.setInt(2, page);
				int got = 0;
				try (ResultSet result = read.executeQuery()) {
					while (result.next()) {
						after = result.getLong(1);
						result.getString(2);
						result.getBytes(9);
						result.getBytes(10);
						got++;
					}
				}
				connection.commit();
				rows += got;
				if (got < page) {
					break;
				}
			}
			return rows / ((System.nanoTime() - start) / 1e9);
		}
	}

	/**
	 * Point reads by primary key from one connection for the duration: the floor under
	 * any query the query side answers.
	 */
	Latencies pointReads(Duration duration) throws SQLException {
		return timedPointReads(duration, Long.MAX_VALUE, Duration.ZERO);
	}

	/**
	 * Point reads among the first {@code rows} rows only, after {@code warmUp} of the
	 * same reads unmeasured: a set that stays in PostgreSQL's buffers, so that the figure
	 * follows the machine's speed and not what other databases pushed out of the cache
	 * meanwhile (measured: random reads over the whole table took 0.08 ms before the
	 * store was filled to a million events and 0.59 ms after).
	 * <p>
	 * A core is kept awake meanwhile. A point read is a few microseconds of work on
	 * either side of a round trip, and on an idle machine each side waits for its core to
	 * wake from a sleep state: 0.07 ms at the median, 0.013 ms with one core kept busy (a
	 * spinning process; 2026-12-06). Without it the check read whichever of the two the
	 * moment gave: 0.01 ms before the 10k phase, while the JIT still compiled after the
	 * warm-up, and 0.07 ms before the million-event phase in the fifty-first full run,
	 * which made the queries' figure beside the machine's drift ×0.19.
	 */
	Latencies machineCheckPointReads(Duration duration, long rows, Duration warmUp) throws Exception {
		AtomicBoolean done = new AtomicBoolean();
		Thread awake = new Thread(() -> {
			while (!done.get()) {
				Thread.onSpinWait();
			}
		}, CORE_AWAKE);
		awake.setDaemon(true);
		awake.start();
		try {
			return timedPointReads(duration, rows, warmUp);
		}
		finally {
			done.set(true);
			awake.join();
		}
	}

	private Latencies timedPointReads(Duration duration, long rows, Duration warmUp) throws SQLException {
		Latencies reads = new Latencies();
		try (Connection connection = connect()) {
			long max;
			try (Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("SELECT max(global_index) FROM raw_event")) {
				result.next();
				max = Math.min(rows, Math.max(1, result.getLong(1)));
			}
			PreparedStatement read = connection
				.prepareStatement("SELECT event_identifier, payload, meta_data FROM raw_event WHERE global_index = ?");
			java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
			long warm = System.nanoTime() + warmUp.toNanos();
			long until = warm + duration.toNanos();
			boolean measuring = false;
			while (System.nanoTime() < until) {
				if (!measuring && System.nanoTime() >= warm) {
					reads.restart();
					measuring = true;
				}
				long start = System.nanoTime();
				read.setLong(1, 1 + random.nextLong(max));
				try (ResultSet result = read.executeQuery()) {
					while (result.next()) {
						result.getBytes(2);
					}
				}
				if (measuring) {
					reads.record(System.nanoTime() - start);
				}
			}
			reads.end();
		}
		return reads;
	}

	private Connection connect() throws SQLException {
		return DriverManager.getConnection(this.url, this.user, this.password);
	}

}
