package org.matterflow.deploy.benchmark;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Latencies of one measured phase, in microseconds, with the count and the span of time
 * they were taken in (for a rate).
 */
final class Latencies {

	private final Histogram histogram = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(2), 3);

	/** Nanoseconds, as {@link System#nanoTime()}: the span a rate is taken over. */
	private final LongSupplier clock;

	private volatile long startedAt;

	private volatile long endedAt;

	private volatile Resources.Usage usage;

	Latencies() {
		this(System::nanoTime);
	}

	Latencies(LongSupplier clock) {
		this.clock = clock;
		this.startedAt = clock.getAsLong();
	}

	void restart() {
		this.histogram.reset();
		this.startedAt = this.clock.getAsLong();
	}

	void record(long nanos) {
		record(nanos, 1);
	}

	void record(long nanos, long times) {
		this.histogram.recordValueWithCount(
				Math.max(1, Math.min(nanos / 1000, this.histogram.getHighestTrackableValue())), times);
	}

	void end() {
		this.endedAt = this.clock.getAsLong();
	}

	/** What the machine spent on the phase these latencies were taken in. */
	void usage(Resources.Usage usage) {
		this.usage = usage;
	}

	Resources.Usage usage() {
		return this.usage;
	}

	/** The latencies of several phases as one, for their percentiles (not a rate). */
	static Latencies pooled(List<Latencies> others) {
		Latencies pooled = new Latencies();
		others.forEach((other) -> pooled.histogram.add(other.histogram));
		return pooled;
	}

	long count() {
		return this.histogram.getTotalCount();
	}

	double perSecond() {
		long end = (this.endedAt != 0) ? this.endedAt : this.clock.getAsLong();
		return count() / ((end - this.startedAt) / 1e9);
	}

	/** The latency at a percentile, in milliseconds. */
	double ms(double percentile) {
		return (count() == 0) ? Double.NaN : this.histogram.getValueAtPercentile(percentile) / 1000.0;
	}

}
