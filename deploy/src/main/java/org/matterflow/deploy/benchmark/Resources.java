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
	 * outside them (the OS's cache or the disk). A backend publishes its counts at most
	 * once a second, so a phase's figures are good to about a second's worth of work.
	 * Null before the database is known or when it cannot be read.
	 */
	private long[] databaseActivity() {
		String[] database = this.database;
		if (database == null) {
			return null;
		}
		try (Connection connection = DriverManager.getConnection(database[0], database[1], database[2]);
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("SELECT xact_commit + xact_rollback, tup_inserted, tup_updated, "
						+ "tup_deleted, tup_fetched, blks_hit, blks_read FROM pg_stat_database "
						+ "WHERE datname = current_database()")) {
			row.next();
			long[] activity = new long[7];
			for (int i = 0; i < activity.length; i++) {
				activity[i] = row.getLong(i + 1);
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
			used[i] = now[i] - before[i];
		}
		return used;
	}

	/**
	 * CPU nanoseconds of the machine (-1 where /proc/stat cannot be read), of this JVM
	 * and of its groups of Java threads (the rest of the JVM's is its own threads: GC,
	 * JIT), PostgreSQL's work in matterflow's database (transactions, rows inserted,
	 * updated, deleted, fetched; null when unknown), GC pauses, the JIT compilers'
	 * working time, over a span of wall-clock nanoseconds.
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
