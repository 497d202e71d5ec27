package org.matterflow.query.common;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.matterflow.testing.TestDatabase;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Writes that wait for their transaction's commit, on a real PostgreSQL: each must see
 * what it would have seen sent alone, and none may be lost or left behind.
 */
class StatementsTest {

	private static final TestDatabase.Connection database = TestDatabase.create("statements");

	/**
	 * Statements prepared on the test's connections: one per batch, one per write sent
	 * alone.
	 */
	private final AtomicInteger prepared = new AtomicInteger();

	private final JdbcTemplate jdbc = new JdbcTemplate(new DelegatingDataSource(
			new DriverManagerDataSource(database.url(), database.username(), database.password())) {

		@Override
		public Connection getConnection() throws SQLException {
			Connection connection = super.getConnection();
			return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
					(proxy, method, args) -> {
						if (method.getName().equals("prepareStatement")) {
							StatementsTest.this.prepared.incrementAndGet();
						}
						try {
							return method.invoke(connection, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		}

	});

	private final TransactionTemplate transactions = new TransactionTemplate(
			new JdbcTransactionManager(this.jdbc.getDataSource()));

	private final Statements statements = new Statements(this.jdbc, "generation");

	@BeforeEach
	void tables() {
		this.jdbc.execute("DROP SCHEMA IF EXISTS generation CASCADE");
		this.jdbc.execute("CREATE SCHEMA generation");
		this.jdbc.execute("CREATE TABLE generation.meeting (meeting_id text PRIMARY KEY, date text)");
		this.jdbc
			.execute("CREATE TABLE generation.decision (decision_id text PRIMARY KEY, meeting_id text, date text)");
	}

	@Test
	void writes_reach_the_database_when_their_transaction_commits_as_if_sent_one_by_one() {
		this.transactions.executeWithoutResult((tx) -> {
			schedule("m-1", "2025-09-01");
			decide("d-1", "m-1");
			this.statements.update("UPDATE {s}.meeting SET date = ? WHERE meeting_id = ?", "2025-09-08", "m-1");
			schedule("m-2", "2025-10-06");
			decide("d-2", "m-2");
			decide("d-3", "m-1");

			assertThat(count("decision")).as("nothing sent before the commit").isZero();
		});

		assertThat(this.jdbc.queryForList("SELECT decision_id || ' ' || date FROM generation.decision ORDER BY 1",
				String.class))
			.containsExactly("d-1 2025-09-01", "d-2 2025-10-06", "d-3 2025-09-08");
	}

	@Test
	void the_writes_of_one_statement_in_a_transaction_reach_postgresql_as_one_batch() {
		this.transactions.executeWithoutResult((tx) -> {
			for (int i = 1; i <= 20; i++) {
				schedule("m-" + i, "2025-09-01");
				this.statements.update("INSERT INTO {s}.decision (decision_id) VALUES (?)", "d-" + i);
			}
			this.prepared.set(0);
		});

		assertThat(this.prepared).as("two statements, each prepared once for its batch of 20").hasValue(2);
		assertThat(count("meeting")).isEqualTo(20);
		assertThat(count("decision")).isEqualTo(20);
	}

	@Test
	void a_read_sees_the_writes_made_before_it_in_its_transaction() {
		List<String> read = this.transactions.execute((tx) -> {
			schedule("m-1", "2025-09-01");
			return this.statements.read("SELECT meeting_id FROM {s}.meeting").query(String.class).list();
		});

		assertThat(read).containsExactly("m-1");
	}

	@Test
	void the_writes_of_a_transaction_that_rolls_back_are_never_sent() {
		this.transactions.executeWithoutResult((tx) -> {
			schedule("m-1", "2025-09-01");
			tx.setRollbackOnly();
		});
		this.transactions.executeWithoutResult((tx) -> schedule("m-2", "2025-10-06"));

		assertThat(this.jdbc.queryForList("SELECT meeting_id FROM generation.meeting", String.class))
			.containsExactly("m-2");
	}

	@Test
	void a_write_that_fails_fails_the_commit_and_nothing_of_its_transaction_is_kept() {
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.transactions.executeWithoutResult((tx) -> {
				schedule("m-1", "2025-09-01");
				this.statements.update("INSERT INTO {s}.meeting (meeting_id, date) VALUES (?, ?)", "m-1", "again");
			}));

		assertThat(count("meeting")).isZero();
		this.transactions.executeWithoutResult((tx) -> schedule("m-2", "2025-10-06"));
		assertThat(count("meeting")).as("the failed writes are not sent with the next transaction").isEqualTo(1);
	}

	/**
	 * As a processor handles a batch of events: the failure surfaces at the commit, where
	 * the processor's error handler gets it with the batch, and the transaction with the
	 * token's update rolls back.
	 */
	@Test
	void a_write_that_fails_in_a_processors_batch_rolls_the_batch_back_with_its_error() {
		BatchingUnitOfWork<EventMessage<String>> batch = new BatchingUnitOfWork<>(
				List.of(GenericEventMessage.asEventMessage("first"), GenericEventMessage.asEventMessage("second")));
		batch.attachTransaction(new SpringTransactionManager(new JdbcTransactionManager(this.jdbc.getDataSource())));

		ResultMessage<?> result = batch.executeWithResult(() -> {
			schedule("m-1", "2025-09-01");
			this.statements.update("INSERT INTO {s}.meeting (meeting_id, date) VALUES (?, ?)", "m-1", "again");
			return null;
		});

		assertThat(result.isExceptional()).isTrue();
		assertThat(result.exceptionResult()).isInstanceOf(DataAccessException.class)
			.hasMessageContaining("meeting_pkey");
		assertThat(batch.isRolledBack()).isTrue();
		assertThat(count("meeting")).isZero();
	}

	@Test
	void outside_a_transaction_a_write_is_sent_at_once() {
		schedule("m-1", "2025-09-01");

		assertThat(count("meeting")).isEqualTo(1);
	}

	@Test
	void a_statement_names_the_tables_it_writes_apart_from_those_it_only_reads() {
		WritePlan.Shape shape = this.statements.shapeOf(
				"WITH known AS (SELECT 1 FROM generation.item WHERE meeting_id = ?), moved AS (UPDATE generation.item "
						+ "SET ordinal = ordinal + 1) INSERT INTO generation.step SELECT * FROM generation.meeting m "
						+ "ON CONFLICT DO UPDATE SET date = excluded.date");

		assertThat(shape.tables()).containsExactlyInAnyOrder("item", "step", "meeting");
		assertThat(shape.written()).containsExactlyInAnyOrder("item", "step");
	}

	@Test
	void a_write_that_changes_no_table_of_the_generation_is_refused_before_it_waits() {
		this.transactions.executeWithoutResult((tx) -> {
			assertThatExceptionOfType(IllegalArgumentException.class)
				.isThrownBy(() -> this.statements.update("UPDATE public.meeting SET date = ?", "2025-09-08"))
				.withMessageContaining("generation");
			schedule("m-1", "2025-09-01");
		});

		assertThat(count("meeting")).isEqualTo(1);
	}

	private void schedule(String meeting, String date) {
		this.statements.update("INSERT INTO {s}.meeting (meeting_id, date) VALUES (:meeting, :date)",
				Map.of("meeting", meeting, "date", date));
	}

	private void decide(String decision, String meeting) {
		this.statements.update("INSERT INTO {s}.decision (decision_id, meeting_id, date) "
				+ "SELECT ?, meeting_id, date FROM {s}.meeting WHERE meeting_id = ?", decision, meeting);
	}

	private int count(String table) {
		return this.jdbc.queryForObject("SELECT count(*) FROM generation." + table, Integer.class);
	}

}
