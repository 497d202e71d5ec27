package org.matterflow.deploy.benchmark;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * What a phase cost the machine: CPU time of the whole machine (from /proc/stat, so the
 * database and the harness are in it) and of this JVM, and the garbage collector's
 * stop-the-world pauses. A phase that runs slower for the same work shows here whether it
 * did more work per command or waited for something else.
 */
final class Resources {

	private static final Path PROC_STAT = Path.of("/proc/stat");

	/** Where {@link Usage#database()} holds what is not a counter of pg_stat_database. */
	static final int MAINTENANCE = 7;

	static final int WAL_BYTES = 8;

	static final int FULL_PAGE_IMAGES = 9;

	private static final int DATABASE_COUNTERS = 10;

	private final com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private final CompilationMXBean jit = ManagementFactory.getCompilationMXBean();

	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	private final AtomicLong pauses = new AtomicLong();

	private final AtomicLong pausedMicros = new AtomicLong();

	private final AtomicLong longestPauseMicros = new AtomicLong();

	/** matterflow's database: its activity counters are read at both ends of a phase. */
	private volatile String[] database;

	/** /proc/stat counts in USER_HZ, which is 100 on every Linux this runs on. */
	private static final long JIFFY_NANOS = 10_000_000L;

	Resources() {
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			if (collector instanceof NotificationEmitter emitter) {
				emitter.addNotificationListener((notification, handback) -> {
					if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
						.equals(notification.getType())) {
						return;
					}
					GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
						.from((CompositeData) notification.getUserData());
					// G1's and Parallel's collections stop the world; ZGC and Shenandoah
					// report their pauses under collectors named "... Pauses"
					if (isPause(info.getGcName(), info.getGcCause())) {
						long micros = info.getGcInfo().getDuration() * 1000;
						this.pauses.incrementAndGet();
						this.pausedMicros.addAndGet(micros);
						this.longestPauseMicros.accumulateAndGet(micros, Math::max);
					}
				}, null, null);
			}
		}
	}

	private static boolean isPause(String collector, String cause) {
		return !collector.contains("Cycles") && !collector.contains("Concurrent") && !"No GC".equals(cause);
	}

	/** From now on, phases also count what PostgreSQL did in matterflow's database. */
	void database(String url, String user, String password) {
		this.database = new String[] { url, user, password };
	}

	/** Starts counting. */
	Window open() {
		this.longestPauseMicros.set(0);
		return new Window(machineBusyNanos(), this.os.getProcessCpuTime(), threadCpu(), databaseActivity(),
				this.pauses.get(), this.pausedMicros.get(), this.jit.getTotalCompilationTime(), System.nanoTime());
	}

	/**
	 * PostgreSQL's counters for matterflow's database: transactions, rows inserted,
	 * updated, deleted and fetched, and blocks found in shared buffers and read from
	 * outside them (the OS's cache or the disk); then the server's WAL in bytes and its
	 * full-page images (the first change of a page after each checkpoint writes the whole
	 * page); at {@link #MAINTENANCE} the server's clock, from which
	 * {@link #databaseSince} counts the tables autovacuum and autoanalyze finished with
	 * in the phase. A backend publishes its counts at most once a second, so a phase's
	 * figures are good to about a second's worth of work. The WAL is the whole server's:
	 * what another database on it writes meanwhile (an idle one writes next to nothing)
	 * is counted too. Null before the database is known or when it cannot be read; the
	 * WAL's two counters are -1 on a server before PostgreSQL 14, which has no
	 * pg_stat_wal.
	 */
	private long[] databaseActivity() {
		String[] database = this.database;
		if (database == null) {
			return null;
		}
		try (Connection connection = DriverManager.getConnection(database[0], database[1], database[2]);
				Statement statement = connection.createStatement()) {
			long[] activity = new long[DATABASE_COUNTERS];
			try (ResultSet row = statement.executeQuery("SELECT xact_commit + xact_rollback, tup_inserted, "
					+ "tup_updated, tup_deleted, tup_fetched, blks_hit, blks_read, " + SERVER_CLOCK_MICROS
					+ " FROM pg_stat_database WHERE datname = current_database()")) {
				row.next();
				for (int i = 0; i < 7; i++) {
					activity[i] = row.getLong(i + 1);
				}
				activity[MAINTENANCE] = row.getLong(8);
			}
			activity[WAL_BYTES] = -1;
			activity[FULL_PAGE_IMAGES] = -1;
			try (ResultSet wal = statement.executeQuery("SELECT wal_bytes, wal_fpi FROM pg_stat_wal")) {
				if (wal.next()) {
					activity[WAL_BYTES] = wal.getLong(1);
					activity[FULL_PAGE_IMAGES] = wal.getLong(2);
				}
			}
			catch (SQLException ex) {
				// before PostgreSQL 14: the phase is reported without its WAL
			}
			return activity;
		}
		catch (SQLException ex) {
			return null;
		}
	}

	/** CPU nanoseconds of every live Java thread, by thread id. */
	private Map<Long, Long> threadCpu() {
		Map<Long, Long> cpu = new HashMap<>();
		for (long id : this.threads.getAllThreadIds()) {
			long nanos = this.threads.getThreadCpuTime(id);
			if (nanos >= 0) {
				cpu.put(id, nanos);
			}
		}
		return cpu;
	}

	/**
	 * What each group of Java threads used since {@code before}: threads are grouped by
	 * their name without its last number (all of a pool's workers are one group), largest
	 * first. A thread that ended during the phase is not counted; the pools here keep
	 * theirs.
	 */
	private Map<String, Long> threadGroupsSince(Map<Long, Long> before) {
		Map<String, Long> groups = new HashMap<>();
		for (ThreadInfo info : this.threads.getThreadInfo(this.threads.getAllThreadIds())) {
			if (info == null) {
				continue;
			}
			long nanos = this.threads.getThreadCpuTime(info.getThreadId());
			if (nanos < 0) {
				continue;
			}
			long used = nanos - before.getOrDefault(info.getThreadId(), 0L);
			groups.merge(info.getThreadName().replaceAll("-?[0-9]+$", ""), used, Long::sum);
		}
		Map<String, Long> largestFirst = new LinkedHashMap<>();
		groups.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.forEach((group) -> largestFirst.put(group.getKey(), group.getValue()));
		return largestFirst;
	}

	/** The counters at the start of a phase; {@link #close} gives what the phase used. */
	final class Window {

		private final long machine;

		private final long process;

		private final Map<Long, Long> threadCpu;

		private final long[] database;

		private final long pauses;

		private final long paused;

		private final long compiled;

		private final long startedAt;

		private Window(long machine, long process, Map<Long, Long> threadCpu, long[] database, long pauses, long paused,
				long compiled, long startedAt) {
			this.machine = machine;
			this.process = process;
			this.threadCpu = threadCpu;
			this.database = database;
			this.pauses = pauses;
			this.paused = paused;
			this.compiled = compiled;
			this.startedAt = startedAt;
		}

		Usage close() {
			long machineNow = machineBusyNanos();
			return new Usage((machineNow < 0 || this.machine < 0) ? -1 : machineNow - this.machine,
					Resources.this.os.getProcessCpuTime() - this.process, threadGroupsSince(this.threadCpu),
					databaseSince(this.database), Resources.this.pauses.get() - this.pauses,
					Resources.this.pausedMicros.get() - this.paused, Resources.this.longestPauseMicros.get(),
					Resources.this.jit.getTotalCompilationTime() - this.compiled, System.nanoTime() - this.startedAt);
		}

	}

	private long[] databaseSince(long[] before) {
		long[] now = databaseActivity();
		if (before == null || now == null) {
			return null;
		}
		long[] used = new long[now.length];
		for (int i = 0; i < now.length; i++) {
			used[i] = (now[i] < 0 || before[i] < 0) ? -1 : now[i] - before[i];
		}
		used[MAINTENANCE] = maintainedSince(before[MAINTENANCE]);
		return used;
	}

	/**
	 * The database's tables autovacuumed or autoanalyzed since a moment of the server's
	 * clock, each counted once per kind however often it ran: the counters of runs cannot
	 * be summed, since a rebuild drops the old generation's tables with theirs. -1 when
	 * unknown.
	 */
	private long maintainedSince(long epochMicros) {
		String[] database = this.database;
		return maintainedSince(database[0], database[1], database[2], epochMicros);
	}

	/** The server's clock in microseconds since the epoch, as SQL. */
	private static final String SERVER_CLOCK_MICROS = "CAST(extract(epoch FROM clock_timestamp()) * 1000000 AS bigint)";

	/**
	 * The server's clock in microseconds since the epoch, for {@link #maintainedSince}:
	 * autovacuum's times are the server's, which need not be this machine's. -1 when
	 * unknown.
	 */
	static long serverClockMicros(String url, String user, String password) {
		try (Connection connection = DriverManager.getConnection(url, user, password);
				Statement statement = connection.createStatement();
				ResultSet now = statement.executeQuery("SELECT " + SERVER_CLOCK_MICROS)) {
			now.next();
			return now.getLong(1);
		}
		catch (SQLException ex) {
			return -1;
		}
	}

	/** As {@link #maintainedSince(long)}, in the database at {@code url}. */
	static long maintainedSince(String url, String user, String password, long epochMicros) {
		if (epochMicros < 0) {
			return -1;
		}
		try (Connection connection = DriverManager.getConnection(url, user, password);
				PreparedStatement statement = connection.prepareStatement(
						"SELECT " + "count(*) FILTER (WHERE last_autovacuum >= to_timestamp(? / 1000000.0)) "
								+ "+ count(*) FILTER (WHERE last_autoanalyze >= to_timestamp(? / 1000000.0)) "
								+ "FROM pg_stat_user_tables")) {
			statement.setLong(1, epochMicros);
			statement.setLong(2, epochMicros);
			try (ResultSet count = statement.executeQuery()) {
				count.next();
				return count.getLong(1);
			}
		}
		catch (SQLException ex) {
			return -1;
		}
	}

	/**
	 * CPU nanoseconds of the machine (-1 where /proc/stat cannot be read), of this JVM
	 * and of its groups of Java threads (the rest of the JVM's is its own threads: GC,
	 * JIT), PostgreSQL's work in matterflow's database (transactions, rows inserted,
	 * updated, deleted, fetched, blocks, autovacuum runs, WAL; null when unknown), GC
	 * pauses, the JIT compilers' working time, over a span of wall-clock nanoseconds.
	 */
	record Usage(long machineNanos, long processNanos, Map<String, Long> threadGroupNanos, long[] database, long pauses,
			long pausedMicros, long longestPauseMicros, long compiledMillis, long wallNanos) {

		/** Cores kept busy on average. */
		double machineCores() {
			return (double) this.machineNanos / this.wallNanos;
		}

	}

	/** Busy time of all cores, not counting time stolen by a hypervisor. */
	private long machineBusyNanos() {
		try {
			String[] cpu = Files.readAllLines(PROC_STAT).get(0).trim().split("\\s+");
			long busy = 0;
			// user nice system idle iowait irq softirq: all but idle and iowait
			for (int i = 1; i < cpu.length && i <= 7; i++) {
				if (i != 4 && i != 5) {
					busy += Long.parseLong(cpu[i]);
				}
			}
			return busy * JIFFY_NANOS;
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

}
