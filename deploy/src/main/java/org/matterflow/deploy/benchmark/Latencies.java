package org.matterflow.deploy.benchmark;

import java.util.concurrent.TimeUnit;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Latencies of one measured phase, in microseconds, with the count and the span of time
 * they were taken in (for a rate).
 */
final class Latencies {

	private final Histogram histogram = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(2), 3);

	private volatile long startedAt = System.nanoTime();

	private volatile long endedAt;

	private volatile Resources.Usage usage;

	void restart() {
		this.histogram.reset();
		this.startedAt = System.nanoTime();
	}

	void record(long nanos) {
		record(nanos, 1);
	}

	void record(long nanos, long times) {
		this.histogram.recordValueWithCount(
				Math.max(1, Math.min(nanos / 1000, this.histogram.getHighestTrackableValue())), times);
	}

	void end() {
		this.endedAt = System.nanoTime();
	}

	/** What the machine spent on the phase these latencies were taken in. */
	void usage(Resources.Usage usage) {
		this.usage = usage;
	}

	Resources.Usage usage() {
		return this.usage;
	}

	long count() {
		return this.histogram.getTotalCount();
	}

	double perSecond() {
		long end = (this.endedAt != 0) ? this.endedAt : System.nanoTime();
		return count() / ((end - this.startedAt) / 1e9);
	}

	/** The latency at a percentile, in milliseconds. */
	double ms(double percentile) {
		return (count() == 0) ? Double.NaN : this.histogram.getValueAtPercentile(percentile) / 1000.0;
	}

}
