package org.matterflow.command.infrastructure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.matterflow.command.testing.Api;
import org.matterflow.command.testing.IntegrationTest;
import org.matterflow.kernel.AppendNotice;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.body.BodyKind;
import org.matterflow.kernel.body.EstablishBody;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notices the query sides listen for: one after a command's events are committed
 * (when its caller's transaction commits, if it ran inside one), none for a command that
 * recorded nothing, and no more than one per interval however many commits there were.
 */
@IntegrationTest
class AppendAnnouncerTest {

	@LocalServerPort
	int port;

	@Value("${spring.datasource.url}")
	String url;

	@Value("${spring.datasource.username}")
	String username;

	@Value("${spring.datasource.password:}")
	String password;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CommandGateway commands;

	@Autowired
	TransactionTemplate transactions;

	private Connection listener;

	@BeforeEach
	void listen() throws SQLException {
		this.listener = DriverManager.getConnection(this.url, this.username, this.password);
		try (Statement statement = this.listener.createStatement()) {
			statement.execute("LISTEN " + AppendNotice.CHANNEL);
		}
	}

	@AfterEach
	void close() throws SQLException {
		this.listener.close();
	}

	@Test
	void a_command_that_recorded_events_is_announced_after_its_commit() throws SQLException {
		String run = UUID.randomUUID().toString().substring(0, 8);
		new Api(this.port).scheduleMeetingOfNewBody("grupp-" + run, "m-" + run);

		List<PGNotification> notices = noticesWithin(Duration.ofSeconds(10), 1);
		assertThat(notices).isNotEmpty().allSatisfy((notice) -> {
			assertThat(notice.getName()).isEqualTo(AppendNotice.CHANNEL);
			assertThat(notice.getParameter()).isEmpty();
		});
	}

	@Test
	void a_refused_command_is_not_announced() throws SQLException {
		Api.Response refused = new Api(this.port).post("/api/meetings",
				Api.json("{'meetingId':'m-refused','bodyId':'no-such-body','date':'2025-01-22'}"));
		assertThat(refused.status()).isBetween(400, 499);

		assertThat(noticesWithin(Duration.ofSeconds(1), Integer.MAX_VALUE)).isEmpty();
	}

	@Test
	void a_command_inside_its_callers_transaction_is_announced_when_that_transaction_commits() throws SQLException {
		String run = UUID.randomUUID().toString().substring(0, 8);
		this.transactions.executeWithoutResult((tx) -> {
			this.commands.sendAndWait(new EstablishBody(BodyId.of("inner-" + run), "Grupp", BodyKind.OTHER, null, null,
					LocalDate.of(2025, 1, 22)));
			try {
				assertThat(noticesWithin(Duration.ofMillis(500), Integer.MAX_VALUE))
					.as("nothing is announced that is not yet committed")
					.isEmpty();
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		});

		assertThat(noticesWithin(Duration.ofSeconds(10), 1)).hasSize(1);
	}

	@Test
	void the_commits_during_an_interval_are_announced_together_at_its_end() throws Exception {
		AppendAnnouncer announcer = new AppendAnnouncer(this.jdbc, Duration.ofSeconds(2));
		try {
			announcer.appended();
			assertThat(noticesWithin(Duration.ofMillis(1500), 1)).as("the first commit after a quiet spell, at once")
				.hasSize(1);
			for (int commit = 0; commit < 99; commit++) {
				announcer.appended();
			}
			assertThat(noticesWithin(Duration.ofSeconds(4), Integer.MAX_VALUE))
				.as("the next 99, together once the interval is over")
				.hasSize(1);
		}
		finally {
			announcer.destroy();
		}
	}

	/** The notices that arrive within the time, or until as many as wanted have. */
	private List<PGNotification> noticesWithin(Duration time, int wanted) throws SQLException {
		List<PGNotification> arrived = new ArrayList<>();
		long until = System.nanoTime() + time.toNanos();
		PGConnection notices = this.listener.unwrap(PGConnection.class);
		while (arrived.size() < wanted) {
			long left = (until - System.nanoTime()) / 1_000_000;
			if (left <= 0) {
				break;
			}
			PGNotification[] batch = notices.getNotifications((int) left);
			if (batch != null) {
				arrived.addAll(List.of(batch));
			}
		}
		return arrived;
	}

}
