package org.matterflow.command.importing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.Map;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.matterflow.command.common.RecordMetadata;
import org.matterflow.command.common.RuleViolation;
import org.matterflow.command.meeting.Meetings;
import org.matterflow.kernel.ErrorCode;
import org.matterflow.kernel.InvalidValue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records a meeting record through the same command handlers and rules as the HTTP API,
 * all in one database transaction: a record is taken whole or not at all. Commands that
 * repeat what the record already holds change nothing, so importing a record twice
 * appends nothing the second time.
 *
 * <p>
 * The transaction is bounded well below the event store's gap timeout, because a long
 * event-writing transaction could be skipped by the read side.
 */
@Service
public class RecordImporter {

	private final CommandGateway commands;

	private final Meetings meetings;

	private final TransactionTemplate transaction;

	private final JdbcClient jdbc;

	private final Clock clock;

	RecordImporter(CommandGateway commands, Meetings meetings, PlatformTransactionManager transactions, JdbcClient jdbc,
			Clock clock, @Value("${matterflow.import.timeout-seconds:20}") int timeoutSeconds) {
		this.commands = commands;
		this.clock = clock;
		this.meetings = meetings;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setTimeout(timeoutSeconds);
	}

	/** What importing one record did. */
	public record Report(String kind, String subject, int commands, long appended, long position, String digest) {
	}

	public Report importRecord(String text) {
		RecordNode record = RecordNode.parse(text);
		String digest = digest(text);
		return this.transaction.execute((status) -> {
			LocalDate today = LocalDate.now(this.clock);
			RecordPlanner.Plan plan = new RecordPlanner(this.meetings, today).plan(record);
			long before = head();
			String correlation = "import:" + plan.subject() + ":" + digest.substring(0, 12);
			for (RecordPlanner.Step step : plan.steps()) {
				send(step, correlation, today);
			}
			Map<String, Object> appended = appendedSince(before);
			long count = ((Number) appended.get("appended")).longValue();
			long position = ((Number) appended.get("position")).longValue();
			return new Report(plan.kind(), plan.subject(), plan.steps().size(), count, position, digest);
		});
	}

	/**
	 * A record's entries take effect on its meeting's day, or on its {@code asOf} day;
	 * those of a day still to come (the notice of a meeting cancelled ahead, members of a
	 * coming term) take effect when they are recorded, as a secretary's
	 * {@code Business-Date} would: a business date never lies ahead.
	 */
	private void send(RecordPlanner.Step step, String correlation, LocalDate today) {
		Map<String, Object> metadata = new HashMap<>();
		metadata.put(RecordMetadata.CORRELATION_ID, correlation);
		if (step.businessDate() != null) {
			step.businessDate().atLatest(today).putInto(metadata);
		}
		try {
			this.commands.sendAndWait(
					GenericCommandMessage.asCommandMessage(step.command()).andMetaData(MetaData.from(metadata)));
		}
		catch (RuleViolation ex) {
			throw new RecordProblem(step.source().line(), step.label(), ex.code(), ex.getMessage());
		}
		catch (InvalidValue ex) {
			throw new RecordProblem(step.source().line(), step.label(), ex.getMessage());
		}
		catch (AggregateNotFoundException ex) {
			String stream = String.valueOf(ex.getAggregateIdentifier());
			throw new RecordProblem(step.source().line(), step.label(), ErrorCode.UNKNOWN_ID,
					"the record does not hold " + stream.replace(":", " '") + "'");
		}
	}

	/**
	 * What this transaction appended after {@code before}: by the row's transaction, not
	 * by the correlation id. The process manager answers an import's events with the
	 * import's correlation id, and may commit that answer while the same record is
	 * imported again (a meeting closed by the first import makes assignments overdue); a
	 * deadline may append at the same time too. The event table's rows are never updated,
	 * so a row's {@code xmin} is the transaction that appended it.
	 */
	Map<String, Object> appendedSince(long before) {
		return this.jdbc
			.sql("SELECT count(*) AS appended, coalesce(max(global_index), -1) AS position "
					+ "FROM events.domain_event_entry WHERE global_index > ? "
					+ "AND xmin::text::bigint = txid_current() % 4294967296")
			.param(before)
			.query()
			.singleRow();
	}

	long head() {
		return this.jdbc.sql("SELECT coalesce(max(global_index), -1) FROM events.domain_event_entry")
			.query(Long.class)
			.single();
	}

	private static String digest(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
