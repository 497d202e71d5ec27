package org.matterflow.query.common;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The statements one generation's handlers write and read with, {@code {s}} standing for
 * the generation's schema; the integration feed's, which is never rebuilt, with
 * {@code projections} as its schema.
 *
 * Inside a transaction, writes wait and go to PostgreSQL as JDBC batches just before it
 * commits. A rebuild's transaction of 500 events holds some 1,600 writes; sent one by one
 * the processor's thread waits for each round trip, and PostgreSQL reads, binds and
 * answers each alone. A batch is sent in one stream and answered once. The
 * {@link WritePlan} keeps every write seeing what it would have seen sent alone, and a
 * read first sends every write that waits. A write that fails fails the commit, and the
 * processor handles the whole batch of events again, as when a write failed at once.
 *
 * Outside a transaction a write goes at once. A write must change a table of the
 * generation's schema, named with {@code {s}}: the plan orders writes by those tables
 * only, so one that names none is refused.
 */
public final class Statements {

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final JdbcClient client;

	private final Sql sql;

	private final Pattern table;

	private final Pattern target;

	/**
	 * Each statement of the handlers in the generation's schema, with its shape, by the
	 * handlers' text: worked out once, not for each write.
	 */
	private final Map<String, InSchema> statements = new ConcurrentHashMap<>();

	private record InSchema(String sql, WritePlan.Shape shape) {
	}

	public Statements(JdbcTemplate jdbc, String schema) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.client = JdbcClient.create(jdbc);
		this.sql = new Sql(schema);
		this.table = Pattern.compile(Pattern.quote(schema) + "\\.(\\w+)");
		this.target = Pattern
			.compile("(?i)\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+" + Pattern.quote(schema) + "\\.(\\w+)");
	}

	/** A write with {@code ?} parameters. */
	public void update(String statement, Object... params) {
		write(statement, false, params);
	}

	/** A write with named parameters. */
	public void update(String statement, Map<String, ?> params) {
		write(statement, true, params);
	}

	/** A read, which sees every write before it. */
	public JdbcClient.StatementSpec read(String statement) {
		flush();
		return this.client.sql(this.sql.of(statement));
	}

	private void write(String statement, boolean named, Object params) {
		InSchema write = this.statements.computeIfAbsent(statement, (text) -> {
			String sql = this.sql.of(text);
			return new InSchema(sql, shapeOf(sql));
		});
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			send(new WritePlan.Batch(write.sql(), named, List.of(params)));
			return;
		}
		plan().add(write.sql(), write.shape(), named, params);
	}

	/** The current transaction's writes that wait. */
	private WritePlan plan() {
		WritePlan plan = (WritePlan) TransactionSynchronizationManager.getResource(this);
		if (plan == null) {
			plan = new WritePlan();
			TransactionSynchronizationManager.bindResource(this, plan);
			TransactionSynchronizationManager.registerSynchronization(new SendBeforeCommit());
		}
		return plan;
	}

	/**
	 * Marks where one event's writes begin, to withdraw them should its handler fail; -1
	 * outside a transaction, where writes go at once.
	 */
	public long mark() {
		return TransactionSynchronizationManager.isSynchronizationActive() ? plan().mark() : -1;
	}

	/**
	 * Withdraws the writes made since the mark; says whether none of them reaches the
	 * database, which is not so once a read has sent them.
	 */
	public boolean withdrawSince(long mark) {
		return mark >= 0 && TransactionSynchronizationManager.isSynchronizationActive() && plan().withdrawSince(mark);
	}

	/** Sends the writes of the current transaction that wait. */
	private void flush() {
		WritePlan plan = TransactionSynchronizationManager.isSynchronizationActive()
				? (WritePlan) TransactionSynchronizationManager.getResource(this) : null;
		if (plan != null && !plan.isEmpty()) {
			plan.drain().forEach(this::send);
		}
	}

	@SuppressWarnings("unchecked")
	private void send(WritePlan.Batch batch) {
		if (batch.named()) {
			Map<String, ?>[] values = batch.values().toArray(Map[]::new);
			if (values.length == 1) {
				this.named.update(batch.statement(), values[0]);
			}
			else {
				this.named.batchUpdate(batch.statement(), values);
			}
		}
		else if (batch.values().size() == 1) {
			this.jdbc.update(batch.statement(), (Object[]) batch.values().get(0));
		}
		else {
			this.jdbc.batchUpdate(batch.statement(), batch.values().stream().map((v) -> (Object[]) v).toList());
		}
	}

	WritePlan.Shape shapeOf(String statement) {
		Set<String> tables = new LinkedHashSet<>();
		Matcher tableMatcher = this.table.matcher(statement);
		while (tableMatcher.find()) {
			tables.add(tableMatcher.group(1));
		}
		Set<String> written = new LinkedHashSet<>();
		Matcher targetMatcher = this.target.matcher(statement);
		while (targetMatcher.find()) {
			written.add(targetMatcher.group(1));
		}
		if (written.isEmpty()) {
			// the plan could not order it against the others: refused before it waits
			throw new IllegalArgumentException("a read model's write changes a table of its generation's schema ("
					+ this.sql.schema() + "), and this one names none: " + statement);
		}
		return new WritePlan.Shape(Set.copyOf(tables), Set.copyOf(written));
	}

	private final class SendBeforeCommit implements TransactionSynchronization {

		@Override
		public void beforeCommit(boolean readOnly) {
			// qualified: a synchronization has a flush() of its own
			Statements.this.flush();
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(Statements.this);
		}

	}

}
