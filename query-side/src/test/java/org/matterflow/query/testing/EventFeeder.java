package org.matterflow.query.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.matterflow.kernel.assignment.AssignmentEvent;
import org.matterflow.kernel.body.BodyEvent;
import org.matterflow.kernel.matter.MatterEvent;
import org.matterflow.kernel.meeting.MeetingEvent;
import org.matterflow.kernel.meeting.MeetingId;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends events to the event store exactly as the command side does (same engine, same
 * serializer, same metadata keys), so the read models are fed through their real
 * processors.
 */
@TestComponent
public class EventFeeder {

	private final EventStore events;

	private final TransactionTemplate transactions;

	private final JdbcClient jdbc;

	private final Map<String, Long> sequences = new HashMap<>();

	public EventFeeder(EventStore events, TransactionTemplate transactions, JdbcClient jdbc) {
		this.events = events;
		this.transactions = transactions;
		this.jdbc = jdbc;
	}

	/**
	 * Appends the events, recorded by the secretary on the given business date; answers
	 * the last position.
	 */
	public long record(LocalDate businessDate, Object... payloads) {
		return record("secretary", businessDate, payloads);
	}

	public long record(String recordedBy, LocalDate businessDate, Object... payloads) {
		return record(recordedBy, MetaData.with("businessDate", businessDate.toString()), payloads);
	}

	/**
	 * Appends the events as recorded at an undated protocol of the given year: their
	 * business date is known only to the year.
	 */
	public long recordInYear(String recordedBy, int year, Object... payloads) {
		return record(recordedBy,
				MetaData.with("businessDate", LocalDate.of(year, 1, 1).toString()).and("businessDatePrecision", "YEAR"),
				payloads);
	}

	/**
	 * Appends the events as an import of the meeting's record appended them before
	 * precisions were kept: on the meeting's day, with the import's correlation id
	 * ({@code import:<meeting>:<digest>}, docs/meeting-records.md) and no precision.
	 */
	public long recordImportedBeforePrecisions(MeetingId meeting, LocalDate day, Object... payloads) {
		return record("importer", MetaData.with("businessDate", day.toString()),
				"import:" + meeting.value() + ":0123456789ab", payloads);
	}

	private long record(String recordedBy, MetaData businessDate, Object... payloads) {
		return record(recordedBy, businessDate, UUID.randomUUID().toString(), payloads);
	}

	private long record(String recordedBy, MetaData businessDate, String correlation, Object... payloads) {
		List<GenericDomainEventMessage<?>> messages = new ArrayList<>();
		for (Object payload : payloads) {
			String stream = streamOf(payload);
			long sequence = this.sequences.merge(stream, 0L, (old, ignored) -> old + 1);
			if (sequence == 0L) {
				sequence = nextSequence(stream);
				this.sequences.put(stream, sequence);
			}
			messages.add(new GenericDomainEventMessage<>(payload.getClass().getSimpleName().replace("Event", ""),
					stream, sequence, payload,
					businessDate.and("recordedBy", recordedBy)
						.and("correlationId", correlation)
						.and("causationId", correlation)));
		}
		this.transactions.executeWithoutResult((tx) -> this.events.publish(messages));
		return this.jdbc.sql("SELECT max(global_index) FROM events.domain_event_entry").query(Long.class).single();
	}

	private long nextSequence(String stream) {
		Long last = this.jdbc.sql(
				"SELECT coalesce(max(sequence_number), -1) FROM events.domain_event_entry WHERE aggregate_identifier = ?")
			.param(stream)
			.query(Long.class)
			.single();
		return last + 1;
	}

	private static String streamOf(Object payload) {
		if (payload instanceof BodyEvent event) {
			return event.bodyId().toString();
		}
		if (payload instanceof MeetingEvent event) {
			return event.meetingId().toString();
		}
		if (payload instanceof MatterEvent event) {
			return event.matterId().toString();
		}
		if (payload instanceof AssignmentEvent event) {
			return event.assignmentId().toString();
		}
		throw new IllegalArgumentException("not an event of matterflow: " + payload);
	}

}
