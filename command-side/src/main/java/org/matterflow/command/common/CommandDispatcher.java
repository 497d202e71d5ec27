package org.matterflow.command.common;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.messaging.MetaData;
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

	private final CommandGateway commands;

	private final JdbcClient jdbc;

	private final Clock clock;

	CommandDispatcher(CommandGateway commands, JdbcClient jdbc, EventBus events, Clock clock) {
		this.commands = commands;
		this.jdbc = jdbc;
		this.clock = clock;
		// the event bus intercepts a unit of work's events as it appends them; a
		// command whose append or commit fails throws from sendAndWait, so what it
		// noted is never read
		events.registerDispatchInterceptor((messages) -> (index, event) -> {
			AppendedPositions.published(event);
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
		String streamId = aggregateId.toString();
		try (AppendedPositions.Scope own = AppendedPositions.open(streamId)) {
			this.commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData(headers)));
			long sequenceNumber = own.sequenceNumber();
			if (sequenceNumber < 0) {
				return acceptedFor(streamId, ids);
			}
			OptionalLong position = own.positionOf(sequenceNumber);
			return position.isPresent() ? new Accepted(ids, sequenceNumber, position.getAsLong())
					: acceptedAt(streamId, sequenceNumber, ids);
		}
	}

	private MetaData metaData(Headers headers) {
		Map<String, Object> data = new HashMap<>();
		if (headers.expectedVersion() != null) {
			data.put(RecordMetadata.EXPECTED_VERSION, headers.expectedVersion());
		}
		if (headers.businessDate() != null && !headers.businessDate().isBlank()) {
			BusinessDate businessDate;
			try {
				businessDate = BusinessDate.parse(headers.businessDate());
			}
			catch (DateTimeParseException ex) {
				throw new InvalidValue("Business-Date",
						"the Business-Date header must be a date like 2025-01-22, or a month (2024-03) or a year (2024) "
								+ "when only that is known, but was '" + headers.businessDate() + "'");
			}
			// the header dates a change recorded late; dated ahead, it would put into
			// the record, as done, something that has not happened yet
			LocalDate today = LocalDate.now(this.clock);
			if (businessDate.date().isAfter(today)) {
				throw new InvalidValue("Business-Date", "the Business-Date header names the day a change took effect; "
						+ headers.businessDate().strip() + " has not come yet (today is " + today + ")");
			}
			businessDate.putInto(data);
		}
		if (headers.correlationId() != null && !headers.correlationId().isBlank()) {
			String correlation = headers.correlationId().strip();
			// it goes into every event of the request, and readers group by it
			if (correlation.length() > 200 || correlation.chars().anyMatch(Character::isISOControl)) {
				throw new InvalidValue("X-Correlation-Id",
						"the X-Correlation-Id header ties requests together with at most 200 characters and no control characters");
			}
			data.put(RecordMetadata.CORRELATION_ID, correlation);
		}
		return MetaData.from(data);
	}

	/**
	 * Reads the position back, where the append did not report it (an event store that
	 * does not return its rows' indexes).
	 */
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
