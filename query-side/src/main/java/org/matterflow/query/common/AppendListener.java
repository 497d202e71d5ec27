package org.matterflow.query.common;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.matterflow.kernel.AppendNotice;
import org.postgresql.Driver;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * Listens for the command side's {@link AppendNotice} on a connection of its own and asks
 * the store to fetch when one arrives, so that the read models follow a commit at once
 * and an idle query side sends PostgreSQL nothing but the store's fetch every
 * {@code idle-fetch-interval}.
 *
 * <p>
 * The connection is not the pool's: it stays open for the life of the process, and a
 * pooled connection held that long is a leak to the pool. While it is not listening (not
 * yet connected, the database restarted, {@code matterflow.event-store.listen=false} for
 * a connection pooler that does not pass {@code LISTEN} on), {@link EventSource} watches
 * the head of the event table instead; after every reconnection the store fetches once,
 * for what was appended in between.
 */
@Component
public class AppendListener implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(AppendListener.class);

	private static final int WAIT_MILLIS = 500;

	private static final long CHECK_NANOS = TimeUnit.SECONDS.toNanos(30);

	private final WakeableEventStore events;

	private final String url;

	private final Properties connectionProperties = new Properties();

	private final Duration reconnectDelay;

	private final Thread thread;

	private volatile boolean listening;

	private volatile boolean closed;

	AppendListener(WakeableEventStore events, DataSourceProperties dataSource, MeterRegistry meters,
			@Value("${matterflow.event-store.listen:true}") boolean enabled,
			@Value("${matterflow.event-store.listen-reconnect-delay:5s}") Duration reconnectDelay) {
		this.events = events;
		this.url = dataSource.determineUrl();
		if (dataSource.determineUsername() != null) {
			this.connectionProperties.setProperty("user", dataSource.determineUsername());
		}
		if (dataSource.determinePassword() != null) {
			this.connectionProperties.setProperty("password", dataSource.determinePassword());
		}
		this.connectionProperties.setProperty("ApplicationName", "matterflow query side: append notices");
		this.connectionProperties.setProperty("tcpKeepAlive", "true");
		this.reconnectDelay = reconnectDelay;
		Gauge.builder("matterflow.eventstore.listening", () -> this.listening ? 1 : 0)
			.description("1 while the query side listens for the command side's append notices, 0 while it "
					+ "watches the head of the event table instead")
			.register(meters);
		this.thread = new Thread(this::run, "event-store-listener");
		this.thread.setDaemon(true);
		if (enabled) {
			this.thread.start();
		}
	}

	/** Whether notices arrive, so nobody needs to watch the head of the event table. */
	public boolean listening() {
		return this.listening;
	}

	private void run() {
		boolean failedBefore = false;
		while (!this.closed) {
			try (Connection connection = new Driver().connect(this.url, this.connectionProperties)) {
				if (connection == null) {
					log.warn("Not listening for append notices: {} is not a PostgreSQL URL", this.url);
					return;
				}
				try (Statement statement = connection.createStatement()) {
					statement.execute("LISTEN " + AppendNotice.CHANNEL);
				}
				this.listening = true;
				if (failedBefore) {
					log.info("Listening for append notices again");
				}
				failedBefore = false;
				// whatever was appended while nobody listened
				this.events.fetchNow();
				listen(connection);
			}
			catch (SQLException | RuntimeException ex) {
				if (!this.closed && !failedBefore) {
					log.warn("Not listening for append notices, watching the event table instead: {}", ex.getMessage());
				}
				failedBefore = true;
			}
			finally {
				this.listening = false;
			}
			pause();
		}
	}

	private void listen(Connection connection) throws SQLException {
		PGConnection notices = connection.unwrap(PGConnection.class);
		long checkedAt = System.nanoTime();
		while (!this.closed) {
			PGNotification[] arrived = notices.getNotifications(WAIT_MILLIS);
			if (arrived != null && arrived.length > 0) {
				this.events.fetchNow();
			}
			else if (System.nanoTime() - checkedAt > CHECK_NANOS) {
				// a connection cut without a word from the other side shows only
				// when it is used
				if (!connection.isValid(5)) {
					throw new SQLException("the listening connection stopped answering");
				}
				checkedAt = System.nanoTime();
			}
		}
	}

	private void pause() {
		try {
			Thread.sleep(this.reconnectDelay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.closed = true;
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		this.closed = true;
		this.thread.interrupt();
		this.thread.join(TimeUnit.SECONDS.toMillis(2));
	}

}
