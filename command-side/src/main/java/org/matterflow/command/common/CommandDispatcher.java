package org.matterflow.command.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.matterflow.kernel.InvalidValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sends a command from the HTTP API and reports where its effects landed. The optional
 * headers of a request travel as command metadata: {@code Expected-Version} (a stale
 * write is refused), {@code Business-Date} (the day the change took effect, when it is
 * recorded later) and {@code X-Correlation-Id}.
 */
@Component
public class CommandDispatcher {

	private final CommandGateway commands;

	private final JdbcClient jdbc;

	CommandDispatcher(CommandGateway commands, JdbcClient jdbc) {
		this.commands = commands;
		this.jdbc = jdbc;
	}

	/** The request headers that shape how a command is recorded. */
	public record Headers(Long expectedVersion, String businessDate, String correlationId) {

		public static Headers none() {
			return new Headers(null, null, null);
		}

	}

	public Accepted send(Object command, Object aggregateId, Headers headers, Map<String, String> ids) {
		this.commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData(headers)));
		return acceptedFor(aggregateId.toString(), ids);
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
