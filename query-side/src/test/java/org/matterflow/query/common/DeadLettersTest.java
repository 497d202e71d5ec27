package org.matterflow.query.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.matterflow.testing.TestDatabase;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Which failures of a read model's handler park the event in the dead-letter queue, on a
 * real PostgreSQL with the queue's own table: the handler's own (with the aggregate's
 * later events, its writes withdrawn), never the database's, and never one whose writes a
 * read has already sent.
 */
class DeadLettersTest {

	private static final TestDatabase.Connection database = TestDatabase.create("deadletters");

	private static final String PROCESSOR = "notes-1";

	private final DataSource dataSource = new DriverManagerDataSource(database.url(), database.username(),
			database.password());

	private final JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);

	private final JdbcTransactionManager transactionManager = new JdbcTransactionManager(this.dataSource);

	private final TransactionTemplate transactions = new TransactionTemplate(this.transactionManager);

	private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

	private final DeadLetters deadLetters = new DeadLetters(this.jdbc, this.transactionManager,
			new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(this.dataSource)),
			new SpringTransactionManager(this.transactionManager), this.serializer, this.serializer, 1024);

	private final Statements statements = new Statements(this.jdbc, "notes");

	private final Notes notes = new Notes(this.statements);

	/** Made once the queue's table exists: it looks there for what is parked. */
	private EventHandlerInvoker invoker;

	private final AtomicLong position = new AtomicLong();

	/**
	 * A fact recorded about an aggregate; the handler fails on the texts it is told to.
	 */
	record Noted(String aggregate, String text) {
	}

	static final class Notes {

		private final Statements statements;

		volatile boolean unreadable = true;

		Notes(Statements statements) {
			this.statements = statements;
		}

		@EventHandler
		void on(Noted noted) {
			this.statements.update("INSERT INTO {s}.note (aggregate, text) VALUES (?, ?)", noted.aggregate(),
					noted.text());
			switch (noted.text()) {
				case "unreadable" -> {
					if (this.unreadable) {
						throw new IllegalArgumentException("cannot make sense of " + noted.aggregate());
					}
				}
				case "database" -> this.statements.read("SELECT 1 / 0").query(Integer.class).single();
				case "after its read" -> {
					this.statements.read("SELECT count(*) FROM {s}.note").query(Long.class).single();
					throw new IllegalStateException("failed after the read");
				}
				default -> {
				}
			}
		}

	}

	@BeforeEach
	void tables() throws IOException {
		this.jdbc.execute("DROP SCHEMA IF EXISTS notes CASCADE");
		this.jdbc.execute("CREATE SCHEMA notes");
		this.jdbc.execute("CREATE TABLE notes.note (aggregate text, text text)");
		this.jdbc.execute("DROP SCHEMA IF EXISTS projections CASCADE");
		this.jdbc.execute("CREATE SCHEMA projections");
		this.jdbc.execute(new ClassPathResource("db/migration/query/V5__dead_letters.sql")
			.getContentAsString(StandardCharsets.UTF_8));
		this.invoker = this.deadLetters.invokerFor(PROCESSOR, this.notes, this.statements, new ProcessorFailures());
	}

	@Test
	void an_event_whose_handler_fails_is_parked_with_its_aggregates_later_events_and_its_writes_withdrawn() {
		handle(new Noted("note:a", "first"), new Noted("note:b", "unreadable"), new Noted("note:b", "later"),
				new Noted("note:c", "other"));

		assertThat(notes()).containsExactly("note:a first", "note:c other");
		List<DeadLetters.Letter> parked = this.deadLetters.of(PROCESSOR);
		assertThat(parked).extracting(DeadLetters.Letter::position).containsExactly(2L, 3L);
		assertThat(parked).extracting(DeadLetters.Letter::aggregate).containsOnly("note:b");
		assertThat(parked.get(0).cause()).contains("cannot make sense of note:b");
		assertThat(parked.get(1).cause()).as("parked behind the first, not failed itself").isNull();
		assertThat(this.deadLetters.holds(PROCESSOR, 3)).isTrue();
		assertThat(this.deadLetters.holds(PROCESSOR, 4)).isFalse();
		assertThat(this.deadLetters.counts()).containsEntry(PROCESSOR, 2L);
	}

	@Test
	void a_failure_of_the_database_is_not_parked_but_fails_the_batch() {
		assertThatExceptionOfType(DeadLetters.NotParked.class)
			.isThrownBy(() -> handle(new Noted("note:a", "first"), new Noted("note:b", "database")))
			.withMessageContaining("division by zero");

		assertThat(this.deadLetters.counts()).isEmpty();
		assertThat(notes()).isEmpty();
	}

	@Test
	void a_failure_after_a_read_sent_the_events_writes_is_not_parked() {
		assertThatExceptionOfType(DeadLetters.NotParked.class)
			.isThrownBy(() -> handle(new Noted("note:a", "after its read")))
			.withMessageContaining("failed after the read");

		assertThat(this.deadLetters.counts()).isEmpty();
	}

	@Test
	void a_retry_takes_in_the_parked_events_once_the_handler_can_handle_them() {
		handle(new Noted("note:b", "unreadable"), new Noted("note:b", "later"));
		assertThat(this.deadLetters.retry(PROCESSOR)).isEqualTo(new DeadLetters.Retried(0, 1, 2));

		this.notes.unreadable = false;
		assertThat(this.deadLetters.retry(PROCESSOR)).isEqualTo(new DeadLetters.Retried(1, 0, 0));

		assertThat(notes()).containsExactly("note:b unreadable", "note:b later");
		assertThat(this.deadLetters.holds(PROCESSOR, 2)).isFalse();
	}

	@Test
	void a_retry_that_fails_after_a_read_sent_its_writes_changes_nothing() {
		handle(new Noted("note:b", "unreadable"), new Noted("note:b", "after its read"));
		this.notes.unreadable = false;

		assertThat(this.deadLetters.retry(PROCESSOR)).isEqualTo(new DeadLetters.Retried(0, 1, 2));

		assertThat(notes()).as("the first event's writes rolled back with the second's").isEmpty();
		assertThat(this.deadLetters.of(PROCESSOR)).extracting(DeadLetters.Letter::position).containsExactly(1L, 2L);
	}

	@Test
	void a_retired_generation_takes_its_dead_letters_with_it() {
		handle(new Noted("note:b", "unreadable"));

		this.transactions.executeWithoutResult((tx) -> this.deadLetters.drop(PROCESSOR));

		assertThat(this.deadLetters.counts()).isEmpty();
	}

	/** Handles the events in one transaction, as a processor's batch. */
	private void handle(Noted... events) {
		this.transactions.executeWithoutResult((tx) -> {
			for (Noted event : events) {
				long at = this.position.incrementAndGet();
				try {
					this.invoker.handle(
							new GenericTrackedDomainEventMessage<>(new GapAwareTrackingToken(at, Set.of()),
									new GenericDomainEventMessage<>("Note", event.aggregate(), at, event)),
							Segment.ROOT_SEGMENT);
				}
				catch (RuntimeException ex) {
					throw ex;
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}
		});
	}

	private List<String> notes() {
		return this.jdbc.queryForList("SELECT aggregate || ' ' || text FROM notes.note ORDER BY ctid", String.class);
	}

}
