package org.matterflow.deploy.benchmark;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
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

	private final AtomicLong pauses = new AtomicLong();

	private final AtomicLong pausedMicros = new AtomicLong();

	private final AtomicLong longestPauseMicros = new AtomicLong();

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

	/** Starts counting. */
	Window open() {
		this.longestPauseMicros.set(0);
		return new Window(machineBusyNanos(), this.os.getProcessCpuTime(), this.pauses.get(), this.pausedMicros.get(),
				this.jit.getTotalCompilationTime(), System.nanoTime());
	}

	/** The counters at the start of a phase; {@link #close} gives what the phase used. */
	final class Window {

		private final long machine;

		private final long process;

		private final long pauses;

		private final long paused;

		private final long compiled;

		private final long startedAt;

		private Window(long machine, long process, long pauses, long paused, long compiled, long startedAt) {
			this.machine = machine;
			this.process = process;
			this.pauses = pauses;
			this.paused = paused;
			this.compiled = compiled;
			this.startedAt = startedAt;
		}

		Usage close() {
			long machineNow = machineBusyNanos();
			return new Usage((machineNow < 0 || this.machine < 0) ? -1 : machineNow - this.machine,
					Resources.this.os.getProcessCpuTime() - this.process, Resources.this.pauses.get() - this.pauses,
					Resources.this.pausedMicros.get() - this.paused, Resources.this.longestPauseMicros.get(),
					Resources.this.jit.getTotalCompilationTime() - this.compiled, System.nanoTime() - this.startedAt);
		}

	}

	/**
	 * CPU nanoseconds of the machine (-1 where /proc/stat cannot be read) and of this
	 * JVM, GC pauses, the JIT compilers' working time, over a span of wall-clock
	 * nanoseconds.
	 */
	record Usage(long machineNanos, long processNanos, long pauses, long pausedMicros, long longestPauseMicros,
			long compiledMillis, long wallNanos) {

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
