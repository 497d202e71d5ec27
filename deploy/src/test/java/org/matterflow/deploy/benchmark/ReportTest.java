package org.matterflow.deploy.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The printed ratios are the benchmark's result: each figure divided by the baseline it
 * names, and growth divided by the machine's own drift.
 */
class ReportTest {

	private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

	private final Report report = new Report(new PrintStream(this.printed, true, StandardCharsets.UTF_8));

	@Test
	void commands_are_printed_as_a_share_of_the_raw_insert_rate_and_latencies_as_multiples_of_its_latencies() {
		// both over the same ten seconds: 1,000 raw inserts a second, 300 commands
		Latencies raw = overTenSeconds(2_000, 10_000);
		Latencies commands = overTenSeconds(4_000, 3_000);

		this.report.commands(16, commands, raw);

		assertThat(printed()).contains("commands, 16 clients")
			.contains("(x0.30 of raw)")
			.contains("p50  4.00ms (x2.0)");
	}

	@Test
	void growth_from_the_smallest_to_the_largest_store_is_also_shown_beside_the_machines_drift() {
		Map<Long, Benchmark.AtSize> atSize = new LinkedHashMap<>();
		atSize.put(10_000L, phase(2_000, 1_000, 1_000, 100));
		atSize.put(1_000_000L, phase(3_000, 1_500, 2_000, 100));

		this.report.growth(atSize);

		assertThat(printed()).contains("from 10,000 to 1,000,000 events in the store")
			.contains("raw insert p50 x1.50, raw point read p50 x1.00")
			.containsPattern("command +p50 x1\\.50  p99 x1\\.50   beside the machine's drift: p50 x1\\.00  p99 x1\\.00")
			.containsPattern("agenda +p50 x2\\.00  p99 x2\\.00   beside the machine's drift: p50 x2\\.00  p99 x2\\.00")
			.doesNotContain("not the store's size alone");
	}

	@Test
	void growth_says_when_the_jit_compiled_through_a_phase_it_compares() {
		Map<Long, Benchmark.AtSize> atSize = new LinkedHashMap<>();
		Benchmark.AtSize small = phase(2_000, 1_000, 1_000, 100);
		small.commands().usage(compiling(400));
		Benchmark.AtSize large = phase(2_000, 1_000, 1_000, 100);
		large.commands().usage(compiling(100));
		atSize.put(10_000L, small);
		atSize.put(1_000_000L, large);

		this.report.growth(atSize);

		assertThat(printed()).contains("the JIT compiled 40% of the first phase and 10% of the last");
	}

	@Test
	void a_rebuild_is_printed_per_event_and_per_row_written_against_the_batched_insert_measured_before_it() {
		// 2,000 rows a second batched; 100,000 events in ten seconds are x5 per event,
		// 30,000 rows written in them x1.5
		Latencies batched = overTenSeconds(1_000, 20_000);

		this.report.replay(100_000, 6, 10, new ReadModelWrites(20_000, 10_000, 0), batched, 1e9, null);

		assertThat(printed()).contains("(x5.00 of raw batched insert, x0.")
			.contains(
					"(x1.50 of raw batched insert): 30,000 rows, 0.3 an event (20,000 inserted, 10,000 updated, 0 deleted)")
			.contains("events x read models (x30.00 of raw batched insert)");
	}

	@Test
	void a_rebuilds_cpu_is_divided_per_event_in_microseconds_among_the_machine_the_jvm_and_its_threads() {
		Latencies batched = overTenSeconds(1_000, 20_000);
		// ten seconds of 100,000 events: 18 s of the machine's CPU, 8 s of the JVM's, of
		// which the coordinators 3 s and the workers 4 s; 2,000 transactions
		Map<String, Long> threads = new LinkedHashMap<>();
		threads.put("worker-history", 4_000_000_000L);
		threads.put("coordinator-history", 3_000_000_000L);
		Resources.Usage usage = new Resources.Usage(18_000_000_000L, 8_000_000_000L, threads,
				new long[] { 2_000, 200_000, 50_000, 0, 100_000, 4_750_000, 250_000, 4, 120_000_000, 5_000 }, 3, 60_000,
				40_000, 1_000, 10_000_000_000L);

		this.report.replay(100_000, 6, 10, new ReadModelWrites(200_000, 50_000, 0), batched, 1e9, usage);

		assertThat(printed()).contains("180 µs of machine CPU per event (1.8 cores busy), 80 µs of this JVM's")
			.contains("GC 3 pauses, 60 ms in all, longest 40ms; JIT compiling 10% of the time")
			.contains("µs of CPU per event by thread: worker-history 40, coordinator-history 30, "
					+ "other Java threads 0, GC/JIT/VM 10")
			.contains("PostgreSQL per event: 0.020 transactions, rows 2.000 inserted, 0.500 updated")
			.contains("blocks 48 in shared buffers, 2.5 read from outside (95.0% hit)")
			.contains("; WAL 1.2 kB with 0.05 full-page images; 4 tables autovacuumed or autoanalyzed in the phase");
	}

	@Test
	void a_server_without_wal_statistics_is_reported_without_the_wal() {
		Resources.Usage usage = new Resources.Usage(18_000_000_000L, 8_000_000_000L, Map.of(),
				new long[] { 2_000, 200_000, 50_000, 0, 100_000, 4_750_000, 250_000, 0, -1, -1 }, 3, 60_000, 40_000,
				1_000, 10_000_000_000L);

		this.report.replay(100_000, 6, 10, new ReadModelWrites(200_000, 50_000, 0), overTenSeconds(1_000, 20_000), 1e9,
				usage);

		assertThat(printed()).contains("(95.0% hit); 0 tables autovacuumed or autoanalyzed in the phase")
			.doesNotContain("WAL");
	}

	@Test
	void side_by_side_growth_is_pooled_over_every_round_and_shown_round_by_round() {
		java.util.List<Benchmark.Alternate> smalls = new java.util.ArrayList<>();
		java.util.List<Benchmark.Alternate> larges = new java.util.ArrayList<>();
		// the large store twice as slow in three rounds, as fast in the last
		long[] largeMicros = { 4_000, 4_000, 4_000, 2_000 };
		for (int round = 0; round < 4; round++) {
			smalls.add(alternate(20_000 + round * 25_000, 2_000, 1_000));
			larges.add(alternate(1_000_000 + round * 25_000, largeMicros[round], 1_000));
		}

		this.report.sideBySide(java.time.Duration.ofSeconds(30), smalls, larges);

		assertThat(printed()).contains("a store of 20,000 events beside the largest, 4 rounds of two phases of 30 s")
			.contains("round 4: at 95,000 events")
			.contains("p99 4.00ms (autovacuum: 3 tables, 0 beside)")
			.contains("p99 2.00ms (autovacuum: 0 tables, 3 beside)")
			.containsPattern("command +p50 x2\\.00  p99 x2\\.00   \\(round by round p50 / p99: "
					+ "x2\\.00 / x2\\.00, x2\\.00 / x2\\.00, x2\\.00 / x2\\.00, x1\\.00 / x1\\.00\\)")
			.containsPattern("agenda +p50 x1\\.00  p99 x1\\.00");
	}

	@Test
	void a_side_by_side_phase_names_the_gc_pauses_beside_autovacuum() {
		Latencies commands = latencies(2_000);
		commands.usage(new Resources.Usage(18_000_000_000L, 8_000_000_000L, Map.of(), null, 12, 180_000, 26_000, 1_000,
				30_000_000_000L));
		java.util.List<Benchmark.Alternate> smalls = java.util.List
			.of(new Benchmark.Alternate(20_000, commands, Map.of("agenda", latencies(1_000)), 0, 3));
		java.util.List<Benchmark.Alternate> larges = java.util.List
			.of(new Benchmark.Alternate(1_000_000, latencies(2_000), Map.of("agenda", latencies(1_000)), 3, 0));

		this.report.sideBySide(java.time.Duration.ofSeconds(30), smalls, larges);

		assertThat(printed()).contains("p99 2.00ms (autovacuum: 0 tables, 3 beside; GC 12 pauses, longest 26ms)")
			.contains("p99 2.00ms (autovacuum: 3 tables, 0 beside)");
	}

	private static Benchmark.Alternate alternate(long events, long commandMicros, long agendaMicros) {
		return new Benchmark.Alternate(events, latencies(commandMicros), Map.of("agenda", latencies(agendaMicros)),
				(events > 1_000_000) ? 3 : 0, (events > 1_000_000) ? 0 : 3);
	}

	private static Benchmark.AtSize phase(long commandMicros, long insertMicros, long agendaMicros,
			long pointReadMicros) {
		Map<String, Latencies> queries = new LinkedHashMap<>();
		queries.put("agenda", latencies(agendaMicros));
		return new Benchmark.AtSize(latencies(commandMicros), queries, latencies(insertMicros),
				latencies(pointReadMicros));
	}

	/** {@code count} latencies of {@code micros} each, taken over ten seconds. */
	private static Latencies overTenSeconds(long micros, long count) {
		long[] now = { 0 };
		Latencies latencies = new Latencies(() -> now[0]);
		latencies.record(micros * 1_000, count);
		now[0] = 10_000_000_000L;
		latencies.end();
		return latencies;
	}

	private static Latencies latencies(long micros) {
		Latencies latencies = new Latencies();
		latencies.record(micros * 1_000, 100);
		return latencies;
	}

	/** A second of a phase in which the JIT compiled for the given milliseconds. */
	private static Resources.Usage compiling(long millis) {
		return new Resources.Usage(-1, 0, Map.of(), null, 0, 0, 0, millis, 1_000_000_000L);
	}

	private String printed() {
		return this.printed.toString(StandardCharsets.UTF_8);
	}

}
