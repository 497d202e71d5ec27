package org.matterflow.command.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.matterflow.kernel.InvalidValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sends a command from the HTTP API and reports where its effects landed. The optional
 * headers of a request travel as command metadata: {@code Expected-Version} (a stale
 * write is refused), {@code Business-Date} (the day the change took effect, when it is
 * recorded later) and {@code X-Correlation-Id}.
 * <p>
 * The answer names the version and position of the command's own last event. Reading "the
 * aggregate's newest event" after the commit instead would, when another secretary's
 * command on the same meeting committed in between, hand out that command's version: sent
 * back as {@code Expected-Version}, it would let the next edit overwrite a change its
 * author never saw.
 */
@Component
public class CommandDispatcher {

	/**
	 * The sequence numbers the command being sent on this thread appended, by aggregate,
	 * once its unit of work committed. The command bus handles a command on the sending
	 * thread.
	 */
	private static final ThreadLocal<Map<String, Long>> APPENDED = new ThreadLocal<>();

	private final CommandGateway commands;

	private final JdbcClient jdbc;

	CommandDispatcher(CommandGateway commands, JdbcClient jdbc, EventBus events) {
		this.commands = commands;
		this.jdbc = jdbc;
		events.registerDispatchInterceptor((messages) -> (index, event) -> {
			Map<String, Long> appended = APPENDED.get();
			if (appended != null && event instanceof DomainEventMessage<?> domainEvent
					&& CurrentUnitOfWork.isStarted()) {
				CurrentUnitOfWork.get()
					.root()
					.afterCommit((unitOfWork) -> appended.merge(domainEvent.getAggregateIdentifier(),
							domainEvent.getSequenceNumber(), Math::max));
			}
			return event;
		});
	}

	/** The request headers that shape how a command is recorded. */
	public record Headers(Long expectedVersion, String businessDate, String correlationId) {

		public static Headers none() {
			return new Headers(null, null, null);
		}

	}

	public Accepted send(Object command, Object aggregateId, Headers headers, Map<String, String> ids) {
		Map<String, Long> appended = new HashMap<>();
		Map<String, Long> outer = APPENDED.get();
		APPENDED.set(appended);
		try {
			this.commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData(headers)));
		}
		finally {
			APPENDED.set(outer);
		}
		String streamId = aggregateId.toString();
		Long sequenceNumber = appended.get(streamId);
		return (sequenceNumber != null) ? acceptedAt(streamId, sequenceNumber, ids) : acceptedFor(streamId, ids);
	}

	private static MetaData metaData(Headers headers) {
		Map<String, Object> data = new HashMap<>();
		if (headers.expectedVersion() != null) {
			data.put(RecordMetadata.EXPECTED_VERSION, headers.expectedVersion());
		}
		if (headers.businessDate() != null && !headers.businessDate().isBlank()) {
			try {
				data.put(RecordMetadata.BUSINESS_DATE, LocalDate.parse(headers.businessDate().strip()).toString());
			}
			catch (DateTimeParseException ex) {
				throw new InvalidValue("Business-Date",
						"the Business-Date header must be a date like 2025-01-22, but was '" + headers.businessDate()
								+ "'");
			}
		}
		if (headers.correlationId() != null && !headers.correlationId().isBlank()) {
			data.put(RecordMetadata.CORRELATION_ID, headers.correlationId().strip());
		}
		return MetaData.from(data);
	}

	private Accepted acceptedAt(String streamId, long sequenceNumber, Map<String, String> ids) {
		long position = this.jdbc.sql(
				"SELECT global_index FROM events.domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?")
			.param(streamId)
			.param(sequenceNumber)
			.query(Long.class)
			.single();
		return new Accepted(ids, sequenceNumber, position);
	}

	/** A command that appended nothing (a repeat) answers the aggregate as it stands. */
	private Accepted acceptedFor(String streamId, Map<String, String> ids) {
		return this.jdbc
			.sql("SELECT sequence_number, global_index FROM events.domain_event_entry "
					+ "WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1")
			.param(streamId)
			.query((row, n) -> new Accepted(ids, row.getLong(1), row.getLong(2)))
			.optional()
			.orElseGet(() -> new Accepted(ids, -1, -1));
	}

}
