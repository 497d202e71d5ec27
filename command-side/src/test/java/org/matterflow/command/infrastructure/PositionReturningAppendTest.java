package org.matterflow.command.infrastructure;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.matterflow.command.common.AppendedPositions;
import org.matterflow.command.testing.IntegrationTest;
import org.matterflow.kernel.body.BodyEstablished;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.body.BodyKind;
import org.matterflow.kernel.body.BodyRenamed;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event store's append reports where each row landed, as PostgreSQL numbered it, so
 * that a command's answer needs no statement to learn its position.
 */
@IntegrationTest
class PositionReturningAppendTest {

	@Autowired
	EventStorageEngine engine;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void every_appended_event_is_reported_at_the_global_index_it_was_stored_at() {
		BodyId body = BodyId.of("numbered-" + UUID.randomUUID().toString().substring(0, 8));
		try (AppendedPositions.Scope appended = AppendedPositions.open(body.toString())) {
			this.transactions
				.executeWithoutResult((tx) -> this.engine.appendEvents(List.of(
						new GenericDomainEventMessage<>("Body", body.toString(), 0,
								new BodyEstablished(body, "Grupp", BodyKind.OTHER, null, null,
										LocalDate.of(2025, 1, 22))),
						new GenericDomainEventMessage<>("Body", body.toString(), 1,
								new BodyRenamed(body, "Gruppen", null)))));

			assertThat(appended.positionOf(0)).hasValue(storedAt(body, 0));
			assertThat(appended.positionOf(1)).hasValue(storedAt(body, 1));
			assertThat(storedAt(body, 1)).isGreaterThan(storedAt(body, 0));
		}
	}

	@Test
	void nothing_is_recorded_on_a_thread_without_an_open_scope() {
		BodyId body = BodyId.of("unrecorded-" + UUID.randomUUID().toString().substring(0, 8));
		this.transactions.executeWithoutResult(
				(tx) -> this.engine.appendEvents(new GenericDomainEventMessage<>("Body", body.toString(), 0,
						new BodyEstablished(body, "Grupp", BodyKind.OTHER, null, null, LocalDate.of(2025, 1, 22)))));

		try (AppendedPositions.Scope later = AppendedPositions.open(body.toString())) {
			assertThat(later.positionOf(0)).isEmpty();
		}
	}

	private long storedAt(BodyId body, long sequenceNumber) {
		return this.jdbc
			.sql("SELECT global_index FROM events.domain_event_entry WHERE aggregate_identifier = ? "
					+ "AND sequence_number = ?")
			.param(body.toString())
			.param(sequenceNumber)
			.query(Long.class)
			.single();
	}

}
