package org.matterflow.deploy.benchmark;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prints each figure as it is measured, beside its baseline and the ratio between them.
 * Rates are "higher is better" and their ratio is figure ÷ baseline; latencies are "lower
 * is better" and their ratio is figure ÷ baseline too, so a latency ratio of 3 means
 * three times as slow as PostgreSQL alone.
 */
final class Report {

	/** More JIT than this in a phase makes it slower for that reason alone. */
	private static final double COMPARABLE_JIT_SHARE = 0.25;

	private final PrintStream out;

	private Map<Integer, Latencies> rawSingle;

	private Latencies rawPoint;

	Report() {
		this(System.out);
	}

	Report(PrintStream out) {
		this.out = out;
	}

	void header(String mode, String server, String version, String signIn) {
		this.out.println();
		this.out.println("matterflow benchmark, " + mode + " mode");
		this.out.println("  machine     " + Runtime.getRuntime().availableProcessors() + " cores, "
				+ (Runtime.getRuntime().maxMemory() >> 20) + " MiB heap, Java " + System.getProperty("java.version"));
		this.out.println("  PostgreSQL  " + version + " at " + server.replaceAll("\\?.*", ""));
		this.out.println("  sign-in     " + signIn);
		this.out.println();
		this.out.println("Baseline: plain JDBC on a table shaped like events.domain_event_entry");
	}

	void baselines(Map<Integer, Latencies> rawSingle, Latencies rawPoint) {
		this.rawSingle = rawSingle;
		this.rawPoint = rawPoint;
		this.out.println();
		this.out.println("matterflow over HTTP (both sides in this JVM, production settings)");
	}

	void rawSingle(int clients, Latencies latencies) {
		this.out.printf("  raw insert, 1 row per transaction, %2d clients   %9s rows/s   p50 %7s  p99 %7s  p99.9 %7s%n",
				clients, rate(latencies.perSecond()), ms(latencies.ms(50)), ms(latencies.ms(99)),
				ms(latencies.ms(99.9)));
	}

	void rawBatched(Latencies latencies) {
		this.out.printf("  raw insert, 500 rows per transaction, 1 client  %9s rows/s%n", rate(latencies.perSecond()));
	}

	void rawRead(long rows, double perSecond) {
		this.out.printf("  raw sequential read in global order (%,d rows) %9s rows/s%n", rows, rate(perSecond));
	}

	void rawPoint(Latencies latencies) {
		this.out.printf("  raw point read by primary key, 1 client         %9s reads/s  p50 %7s  p99 %7s%n",
				rate(latencies.perSecond()), ms(latencies.ms(50)), ms(latencies.ms(99)));
	}

	void filled(long size, long appended, double seconds) {
		this.out.printf("  (store filled to %,d events: %,d appended in %.0f s, %s events/s)%n", size, appended,
				seconds, rate(appended / seconds));
	}

	void warmUp(String where, long commands, double seconds, double compiledSeconds, double compilingAtEnd) {
		this.out.printf(
				"  (warm-up %s, not counted: %,d commands from 16 clients in %.0f s; the JIT compiled for %.0f s, at the end %.0f%% of the time)%n",
				where, commands, seconds, compiledSeconds, compilingAtEnd * 100);
	}

	void commands(int clients, Latencies commands, Latencies raw) {
		this.out.printf(
				"  commands, %2d clients  %7s/s (x%.2f of raw)  p50 %7s (x%.1f)  p99 %7s (x%.1f)  p99.9 %7s (x%.1f)%n",
				clients, rate(commands.perSecond()), commands.perSecond() / raw.perSecond(), ms(commands.ms(50)),
				commands.ms(50) / raw.ms(50), ms(commands.ms(99)), commands.ms(99) / raw.ms(99), ms(commands.ms(99.9)),
				commands.ms(99.9) / raw.ms(99.9));
		usage(commands);
	}

	/**
	 * CPU per command of the whole machine and of this JVM, and the collector's pauses,
	 * for the phase the commands ran in.
	 */
	private void usage(Latencies commands) {
		if (commands.usage() != null && commands.count() > 0) {
			usage(commands.usage(), commands.count(), Unit.COMMAND);
		}
	}

	/** How a phase's CPU is divided: per command in milliseconds, per event in µs. */
	private enum Unit {

		COMMAND("command", "ms", 1e6, "%.1f", "%.2f", "%.1f"), EVENT("event", "µs", 1e3, "%.0f", "%.0f", "%.3f");

		private final String name;

		private final String symbol;

		private final double nanos;

		private final String total;

		private final String part;

		/** PostgreSQL's transactions and rows per unit: a rebuild has few per event. */
		private final String count;

		Unit(String name, String symbol, double nanos, String total, String part, String count) {
			this.name = name;
			this.symbol = symbol;
			this.nanos = nanos;
			this.total = total;
			this.part = part;
			this.count = count;
		}

		String total(double nanos, long count) {
			return String.format(this.total, nanos / this.nanos / count);
		}

		String part(double nanos, long count) {
			return String.format(this.part, nanos / this.nanos / count);
		}

	}

	private void usage(Resources.Usage usage, long count, Unit unit) {
		String machine = (usage.machineNanos() < 0) ? ""
				: String.format("%s %s of machine CPU per %s (%.1f cores busy), ",
						unit.total(usage.machineNanos(), count), unit.symbol, unit.name, usage.machineCores());
		this.out.printf(
				"      %s%s %s of this JVM's; GC %d pauses, %.0f ms in all, longest %s; JIT compiling %.0f%% of the time%n",
				machine, unit.total(usage.processNanos(), count), unit.symbol, usage.pauses(),
				usage.pausedMicros() / 1000.0, ms(usage.longestPauseMicros() / 1000.0), 100.0 * compilingShare(usage));
		// where the JVM's CPU went: the request threads of each side, the processors,
		// the harness's own clients, and what is left for the JVM's GC and JIT threads
		StringBuilder groups = new StringBuilder();
		long javaThreads = 0;
		long others = 0;
		int shown = 0;
		for (Map.Entry<String, Long> group : usage.threadGroupNanos().entrySet()) {
			javaThreads += group.getValue();
			if (shown++ < 8) {
				groups.append(String.format("%s %s, ", group.getKey(), unit.part(group.getValue(), count)));
			}
			else {
				others += group.getValue();
			}
		}
		this.out.printf("      %s of CPU per %s by thread: %sother Java threads %s, GC/JIT/VM %s%n", unit.symbol,
				unit.name, groups, unit.part(others, count), unit.part(usage.processNanos() - javaThreads, count));
		long[] database = usage.database();
		if (database != null) {
			double n = count;
			String f = unit.count;
			this.out.printf(
					"      PostgreSQL per %s: " + f + " transactions, rows " + f + " inserted, " + f + " updated, " + f
							+ " deleted, %.0f fetched%s%s%n",
					unit.name, database[0] / n, database[1] / n, database[2] / n, database[3] / n, database[4] / n,
					blocks(database, n), wal(database, n));
		}
	}

	/**
	 * The WAL written, and how much of it whole pages: after each checkpoint the first
	 * change of a page writes all of it, so a server that checkpoints often writes more
	 * for the same work. Autovacuum's work is counted for the phase, in tables, not per
	 * command: each run takes the cores' time from the phase it falls in.
	 */
	private static String wal(long[] database, double count) {
		long bytes = database[Resources.WAL_BYTES];
		long images = database[Resources.FULL_PAGE_IMAGES];
		long maintained = database[Resources.MAINTENANCE];
		String maintenance = (maintained < 0) ? ""
				: String.format("; %d tables autovacuumed or autoanalyzed in the phase", maintained);
		if (bytes < 0 || images < 0) {
			return maintenance;
		}
		return String.format("; WAL %.1f kB with %.2f full-page images%s", bytes / count / 1000, images / count,
				maintenance);
	}

	/**
	 * Blocks found in shared buffers and read from outside them: a store that outgrows
	 * shared buffers reads more from the OS's cache, which costs its queries time.
	 */
	private static String blocks(long[] database, double count) {
		long hit = database[5];
		long read = database[6];
		return String.format("; blocks %.0f in shared buffers, %.1f read from outside (%.1f%% hit)", hit / count,
				read / count, (hit + read > 0) ? 100.0 * hit / (hit + read) : 100.0);
	}

	void lag(double target, Latencies commands, Latencies lag) {
		Latencies raw = this.rawSingle.get(1);
		this.out.printf("  projection lag at %s commands/s (aimed at %s, half the 16-client rate), %d samples:%n",
				rate(commands.perSecond()), rate(target), lag.count());
		usage(commands);
		this.out.printf("      append -> visible in the query API  p50 %7s (x%.1f of a raw commit)  p99 %7s (x%.1f)%n",
				ms(lag.ms(50)), lag.ms(50) / raw.ms(50), ms(lag.ms(99)), lag.ms(99) / raw.ms(99));
	}

	void queries(String when, Map<String, Latencies> queries) {
		this.out.println("  queries " + when + ":");
		queries.forEach((name, latencies) -> this.out.printf(
				"      %-18s %7s/s  p50 %7s (x%.1f of a raw point read)  p99 %7s (x%.1f)%n", name,
				rate(latencies.perSecond()), ms(latencies.ms(50)), latencies.ms(50) / this.rawPoint.ms(50),
				ms(latencies.ms(99)), latencies.ms(99) / this.rawPoint.ms(99)));
	}

	void settled(Latencies commands) {
		Resources.Usage usage = commands.usage();
		this.out.printf(
				"  (right after the rebuild, not counted: %,d commands from 4 clients in %.0f s, p50 %s p99 %s; "
						+ "GC %d pauses, longest %s; JIT compiling %.0f%% of the time)%n",
				commands.count(), usage.wallNanos() / 1e9, ms(commands.ms(50)), ms(commands.ms(99)), usage.pauses(),
				ms(usage.longestPauseMicros() / 1000.0), 100.0 * compilingShare(commands));
	}

	void atSize(long before, long after, Benchmark.AtSize phase) {
		this.out.printf("  at %,d events in the store (%,d at the end), 4 clients: commands %s/s p50 %s p99 %s%n",
				before, after, rate(phase.commands().perSecond()), ms(phase.commands().ms(50)),
				ms(phase.commands().ms(99)));
		this.out.printf(
				"      raw baseline right before: insert at 4 clients p50 %s, point read (first 10,000 rows) p50 %s%n",
				ms(phase.rawInsert().ms(50)), ms(phase.rawPoint().ms(50)));
		usage(phase.commands());
		queries("at " + String.format("%,d", before) + " events", phase.queries());
	}

	void replay(long events, int readModels, double seconds, ReadModelWrites written, Latencies rawBatched,
			double rawRead, Resources.Usage usage) {
		double perSecond = events / seconds;
		this.out.printf(
				"  rebuild of all %d read models from scratch at %,d events: %.1f s (raw batched insert right before: %s rows/s)%n",
				readModels, events, seconds, rate(rawBatched.perSecond()));
		this.out.printf(
				"      %s events/s through all of them (x%.2f of raw batched insert, x%.3f of raw sequential read)%n",
				rate(perSecond), perSecond / rawBatched.perSecond(), perSecond / rawRead);
		this.out.printf(
				"      %s rows/s written to the read models (x%.2f of raw batched insert): %,d rows, %.1f an event "
						+ "(%,d inserted, %,d updated, %,d deleted)%n",
				rate(written.rows() / seconds), written.rows() / seconds / rawBatched.perSecond(), written.rows(),
				(double) written.rows() / events, written.inserted(), written.updated(), written.deleted());
		this.out.printf("      %s read-model updates/s, events x read models (x%.2f of raw batched insert)%n",
				rate(perSecond * readModels), perSecond * readModels / rawBatched.perSecond());
		// whether the rebuild waited for PostgreSQL or for the JVM: the processors'
		// coordinators read and decode the events, their workers run the handlers
		if (usage != null && events > 0) {
			usage(usage, events, Unit.EVENT);
		}
	}

	/**
	 * Each figure's change, and beside it the change of its raw baseline between the same
	 * two moments (single-row inserts for commands, point reads for queries): what is
	 * left when the machine's own drift is divided out.
	 */
	void growth(Map<Long, Benchmark.AtSize> atSize) {
		Long[] sizes = atSize.keySet().toArray(new Long[0]);
		Benchmark.AtSize small = atSize.get(sizes[0]);
		Benchmark.AtSize large = atSize.get(sizes[sizes.length - 1]);
		double insertDrift = large.rawInsert().ms(50) / small.rawInsert().ms(50);
		double readDrift = large.rawPoint().ms(50) / small.rawPoint().ms(50);
		this.out.printf("  from %,d to %,d events in the store:%n", sizes[0], sizes[sizes.length - 1]);
		this.out.printf("      the machine meanwhile: raw insert p50 x%.2f, raw point read p50 x%.2f%n", insertDrift,
				readDrift);
		growth("command", small.commands(), large.commands(), insertDrift);
		small.queries().forEach((name, latencies) -> growth(name, latencies, large.queries().get(name), readDrift));
		// a phase run while the JIT still compiles is slower for that alone (on a slow
		// machine the 10k phase compiled all the time, and a million events read as a
		// "speed-up" of x0.53); the lines above cannot tell the two apart
		double smallJit = compilingShare(small.commands());
		double largeJit = compilingShare(large.commands());
		if (Math.max(smallJit, largeJit) > COMPARABLE_JIT_SHARE) {
			this.out.printf("      (not the store's size alone: the JIT compiled %.0f%% of the first phase and %.0f%% "
					+ "of the last)%n", smallJit * 100, largeJit * 100);
		}
	}

	/**
	 * The side-by-side growth: each round's phases, then the ratios of the largest store
	 * to the smallest over all rounds, and per round to show how far they agree.
	 */
	void sideBySide(Duration phase, List<Benchmark.Alternate> smalls, List<Benchmark.Alternate> larges) {
		this.out.printf(
				"  side by side, the same moments: a store of %,d events beside the largest, %d rounds of two "
						+ "phases of %d s (small then large, large then small, in turn), 4 clients%n",
				smalls.get(0).events(), smalls.size(), phase.toSeconds());
		for (int round = 0; round < smalls.size(); round++) {
			Benchmark.Alternate small = smalls.get(round);
			Benchmark.Alternate large = larges.get(round);
			this.out.printf(
					"      round %d: at %,d events commands %s/s p50 %s p99 %s%s; at %,d events %s/s p50 %s p99 %s%s%n",
					round + 1, small.events(), rate(small.commands().perSecond()), ms(small.commands().ms(50)),
					ms(small.commands().ms(99)), maintained(small), large.events(), rate(large.commands().perSecond()),
					ms(large.commands().ms(50)), ms(large.commands().ms(99)), maintained(large));
		}
		sideBySide("command", smalls.stream().map(Benchmark.Alternate::commands).toList(),
				larges.stream().map(Benchmark.Alternate::commands).toList());
		for (String query : smalls.get(0).queries().keySet()) {
			sideBySide(query, smalls.stream().map((alternate) -> alternate.queries().get(query)).toList(),
					larges.stream().map((alternate) -> alternate.queries().get(query)).toList());
		}
	}

	/**
	 * What else took the cores during a phase: autovacuum's work in the store measured
	 * and in the one beside it (a run takes one of the two cores whichever store it works
	 * on), and the JVM's GC pauses, which stop both stores' sides alike. The queries'
	 * tail followed neither store's autovacuum in the fifty-fourth run.
	 */
	private static String maintained(Benchmark.Alternate phase) {
		List<String> besides = new ArrayList<>();
		if (phase.maintained() >= 0 && phase.maintainedBeside() >= 0) {
			besides
				.add(String.format("autovacuum: %d tables, %d beside", phase.maintained(), phase.maintainedBeside()));
		}
		Resources.Usage usage = phase.commands().usage();
		if (usage != null) {
			besides.add(
					String.format("GC %d pauses, longest %s", usage.pauses(), ms(usage.longestPauseMicros() / 1000.0)));
		}
		return besides.isEmpty() ? "" : " (" + String.join("; ", besides) + ")";
	}

	private void sideBySide(String name, List<Latencies> small, List<Latencies> large) {
		Latencies smallPooled = Latencies.pooled(small);
		Latencies largePooled = Latencies.pooled(large);
		StringBuilder rounds = new StringBuilder();
		for (int round = 0; round < small.size(); round++) {
			rounds.append((round > 0) ? ", " : "")
				.append(String.format("x%.2f / x%.2f", large.get(round).ms(50) / small.get(round).ms(50),
						large.get(round).ms(99) / small.get(round).ms(99)));
		}
		this.out.printf("      %-18s p50 x%.2f  p99 x%.2f   (round by round p50 / p99: %s)%n", name,
				largePooled.ms(50) / smallPooled.ms(50), largePooled.ms(99) / smallPooled.ms(99), rounds);
	}

	private static double compilingShare(Latencies commands) {
		return compilingShare(commands.usage());
	}

	private static double compilingShare(Resources.Usage usage) {
		return (usage == null || usage.wallNanos() <= 0) ? 0 : usage.compiledMillis() * 1e6 / usage.wallNanos();
	}

	private void growth(String name, Latencies small, Latencies large, double drift) {
		double p50 = large.ms(50) / small.ms(50);
		double p99 = large.ms(99) / small.ms(99);
		this.out.printf("      %-18s p50 x%.2f  p99 x%.2f   beside the machine's drift: p50 x%.2f  p99 x%.2f%n", name,
				p50, p99, p50 / drift, p99 / drift);
	}

	void footer(double seconds) {
		this.out.printf("%nThe benchmark took %.0f s.%n", seconds);
	}

	static String rate(double perSecond) {
		return String.format("%,.0f", perSecond);
	}

	static String ms(double ms) {
		return (ms < 10) ? String.format("%.2fms", ms) : String.format("%.0fms", ms);
	}

}
