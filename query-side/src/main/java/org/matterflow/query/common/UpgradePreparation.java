package org.matterflow.query.common;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The work of a query side started to prepare its upgrade (profile
 * {@code prepare-upgrade}): waits until every generation this version needs has read up
 * to the head of the event store, then returns, and the application ends
 * ({@code QuerySideApplication}) with exit code 0. The version that serves keeps serving
 * throughout.
 *
 * <p>
 * A preparation with a generation behind the store's head that reads nothing further for
 * the stall limit (a database refusing its writes, an event it cannot handle past what it
 * may park) ends with exit code {@value #STALLED}, saying what holds each back, rather
 * than wait unseen: a job runner sees it failed and may start it again, and a run started
 * again resumes what was built.
 */
@Component
@ConditionalOnBooleanProperty("matterflow.read-models.prepare-upgrade")
class UpgradePreparation implements ApplicationRunner, ExitCodeGenerator {

	static final int STALLED = 3;

	private static final Logger log = LoggerFactory.getLogger(UpgradePreparation.class);

	private static final long REPORT_EVERY_NANOS = 10_000_000_000L;

	private final ReadModels readModels;

	private final EventStoreHead head;

	private final Duration stallLimit;

	private int exitCode;

	UpgradePreparation(ReadModels readModels, EventStoreHead head,
			@Value("${matterflow.read-models.prepare-upgrade-stall-limit:15m}") Duration stallLimit) {
		this.readModels = readModels;
		this.head = head;
		this.stallLimit = stallLimit;
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

	@Override
	public void run(ApplicationArguments args) throws InterruptedException {
		if (this.readModels.rebuilds().isEmpty()) {
			log.info("Nothing to prepare: every read model is served by a generation of this version's tables");
			return;
		}
		long reported = System.nanoTime();
		Stall stall = new Stall(this.stallLimit);
		while (true) {
			long newest = this.head.refresh();
			List<ReadModels.Progress> rebuilds = this.readModels.rebuilds();
			if (rebuilds.stream().allMatch((progress) -> progress.hasRead(newest))) {
				log.info("Upgrade prepared up to position {}: {}. Stop the query side that serves and start this "
						+ "version; it resumes these generations and they take over once they have read what was "
						+ "recorded meanwhile", newest, describe(rebuilds));
				return;
			}
			if (stall.stalled(rebuilds, newest, System.nanoTime())) {
				log.error(
						"Upgrade not prepared: a generation has read nothing further for {}, the store's head at {}: {}. "
								+ "Mend what holds it back and start the preparation again; it resumes what was built",
						readable(this.stallLimit), newest, describe(rebuilds));
				this.exitCode = STALLED;
				return;
			}
			if (System.nanoTime() - reported > REPORT_EVERY_NANOS) {
				log.info("Preparing the upgrade, the store's head at {}: {}", newest, describe(rebuilds));
				reported = System.nanoTime();
			}
			Thread.sleep(500);
		}
	}

	/**
	 * Whether a generation still behind the store's head has read nothing further for the
	 * limit. The others keep following what the serving version records, so their reading
	 * on says nothing of the one held back.
	 */
	static final class Stall {

		private final long limitNanos;

		private final Map<String, Behind> behind = new HashMap<>();

		private record Behind(OptionalLong position, long since) {
		}

		Stall(Duration limit) {
			this.limitNanos = limit.toNanos();
		}

		boolean stalled(List<ReadModels.Progress> rebuilds, long newest, long nowNanos) {
			boolean stalled = false;
			for (ReadModels.Progress progress : rebuilds) {
				if (progress.hasRead(newest)) {
					this.behind.remove(progress.readModel());
					continue;
				}
				Behind last = this.behind.get(progress.readModel());
				if (last == null || !last.position().equals(progress.position())) {
					this.behind.put(progress.readModel(), new Behind(progress.position(), nowNanos));
				}
				else if (nowNanos - last.since() >= this.limitNanos) {
					stalled = true;
				}
			}
			return stalled;
		}

	}

	static String readable(Duration duration) {
		return (duration.toSeconds() % 60 == 0) ? duration.toMinutes() + " min" : duration.toSeconds() + " s";
	}

	/** One line for the log: how far each generation has read, and what holds it back. */
	static String describe(List<ReadModels.Progress> rebuilds) {
		return rebuilds.stream()
			.map((progress) -> progress.readModel() + " generation " + progress.generation() + " (version "
					+ progress.version() + ") read up to "
					+ (progress.position().isPresent() ? String.valueOf(progress.position().getAsLong()) : "nothing")
					+ progress.failure().map((failure) -> ", held back by " + failure).orElse(""))
			.collect(Collectors.joining(", "));
	}

}
