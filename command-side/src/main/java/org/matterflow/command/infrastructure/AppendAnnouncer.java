package org.matterflow.command.infrastructure;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.matterflow.kernel.AppendNotice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sends the {@link AppendNotice} after appends commit, at most one per interval: the
 * first commit after a quiet spell is announced at once, the commits during an interval
 * together at its end, so an announcement always follows the last commit.
 *
 * <p>
 * The notice is sent by this one thread in a transaction of its own, not by the command's
 * transaction (or a trigger on the event table): PostgreSQL serializes the commits of all
 * transactions that notify, holding a database-wide lock through each one's commit
 * record, which would take group commit away from the commands (ADR 0010).
 */
public class AppendAnnouncer implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(AppendAnnouncer.class);

	private final JdbcClient jdbc;

	private final long intervalNanos;

	private final AtomicBoolean pending = new AtomicBoolean();

	private final ScheduledExecutorService sender;

	private volatile long sentAt = System.nanoTime() - TimeUnit.DAYS.toNanos(1);

	public AppendAnnouncer(JdbcClient jdbc, Duration interval) {
		this.jdbc = jdbc;
		this.intervalNanos = interval.toNanos();
		this.sender = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "append-announcer");
			thread.setDaemon(true);
			return thread;
		});
	}

	/** Called after a transaction that appended events has committed. */
	public void appended() {
		if (this.pending.compareAndSet(false, true)) {
			long wait = Math.max(0, this.sentAt + this.intervalNanos - System.nanoTime());
			try {
				this.sender.schedule(this::announce, wait, TimeUnit.NANOSECONDS);
			}
			catch (RuntimeException ex) {
				// shutting down: the query sides find the events when they next look
				this.pending.set(false);
			}
		}
	}

	private void announce() {
		// cleared before sending, so that a commit from now on schedules another notice
		this.pending.set(false);
		this.sentAt = System.nanoTime();
		try {
			this.jdbc.sql("SELECT pg_notify(?, '')").param(AppendNotice.CHANNEL).query().singleRow();
		}
		catch (RuntimeException ex) {
			log.debug("Could not announce appended events: {}", ex.getMessage());
		}
	}

	@Override
	public void destroy() {
		this.sender.shutdown();
	}

}
