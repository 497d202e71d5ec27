package org.matterflow.query.common;

import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The work of a query side started to prepare its upgrade (profile
 * {@code prepare-upgrade}): waits until every generation this version needs has read up
 * to the head of the event store, then returns, and the application ends
 * ({@code QuerySideApplication}). The version that serves keeps serving throughout.
 */
@Component
@ConditionalOnBooleanProperty("matterflow.read-models.prepare-upgrade")
class UpgradePreparation implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(UpgradePreparation.class);

	private static final long REPORT_EVERY_NANOS = 10_000_000_000L;

	private final ReadModels readModels;

	private final EventStoreHead head;

	UpgradePreparation(ReadModels readModels, EventStoreHead head) {
		this.readModels = readModels;
		this.head = head;
	}

	@Override
	public void run(ApplicationArguments args) throws InterruptedException {
		if (this.readModels.rebuilds().isEmpty()) {
			log.info("Nothing to prepare: every read model is served by a generation of this version's tables");
			return;
		}
		long reported = System.nanoTime();
		while (true) {
			long newest = this.head.refresh();
			List<ReadModels.Progress> rebuilds = this.readModels.rebuilds();
			if (rebuilds.stream().allMatch((progress) -> progress.hasRead(newest))) {
				log.info("Upgrade prepared up to position {}: {}. Stop the query side that serves and start this "
						+ "version; it resumes these generations and they take over once they have read what was "
						+ "recorded meanwhile", newest, describe(rebuilds));
				return;
			}
			if (System.nanoTime() - reported > REPORT_EVERY_NANOS) {
				log.info("Preparing the upgrade, the store's head at {}: {}", newest, describe(rebuilds));
				reported = System.nanoTime();
			}
			Thread.sleep(500);
		}
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
