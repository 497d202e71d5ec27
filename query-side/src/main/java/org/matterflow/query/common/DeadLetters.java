package org.matterflow.query.common;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each generation's dead letters (ADR 0013): an event its handler cannot handle is parked
 * in Axon's JDBC dead-letter queue ({@code projections.dead_letter_entry}), with every
 * later event of the same aggregate, and the generation goes on with the rest of the
 * stream. One unreadable meeting leaves that meeting's record behind, not every body's
 * agenda.
 *
 * Only a failure of the handler itself parks: an event whose payload cannot be read, a
 * fact the handler cannot make sense of. A failure of the database (a read that timed
 * out, a connection lost) says nothing about the event and fails the batch, which is
 * tried again, as does a failure after one of the handler's reads has sent its writes,
 * which can no longer be withdrawn.
 */
@Component
public class DeadLetters {

	private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

	private static final String TABLE = "projections.dead_letter_entry";

	/** The position of a parked event, from the tracking token Axon stores as JSON. */
	private static final String POSITION = "CASE WHEN token_type LIKE '%GapAwareTrackingToken' "
			+ "THEN (convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint END";

	/**
	 * Events of one aggregate stay in order: once one is parked, the aggregate's later
	 * events join it. An aggregate's identifier is its stream, {@code <type>:<id>}.
	 */
	private static final SequentialPerAggregatePolicy ONE_AGGREGATE = SequentialPerAggregatePolicy.instance();

	private static final DeadLetterSchema SCHEMA = DeadLetterSchema.builder()
		.deadLetterTable(TABLE)
		.deadLetterIdentifierColumn("dead_letter_id")
		.processingGroupColumn("processing_group")
		.sequenceIdentifierColumn("sequence_identifier")
		.sequenceIndexColumn("sequence_index")
		.messageTypeColumn("message_type")
		.eventIdentifierColumn("event_identifier")
		.timestampColumn("time_stamp")
		.payloadTypeColumn("payload_type")
		.payloadRevisionColumn("payload_revision")
		.payloadColumn("payload")
		.metaDataColumn("meta_data")
		.aggregateTypeColumn("aggregate_type")
		.aggregateIdentifierColumn("aggregate_identifier")
		.sequenceNumberColumn("sequence_number")
		.tokenTypeColumn("token_type")
		.tokenColumn("token")
		.enqueuedAtColumn("enqueued_at")
		.lastTouchedColumn("last_touched")
		.processingStartedColumn("processing_started")
		.causeTypeColumn("cause_type")
		.causeMessageColumn("cause_message")
		.diagnosticsColumn("diagnostics")
		.build();

	private final JdbcClient jdbc;

	private final ConnectionProvider connections;

	private final TransactionManager transactions;

	/**
	 * Each aggregate's retry in a transaction of its own. Axon handles each parked event
	 * in a unit of work that joins it and, joining, cannot roll back: a failure whose
	 * writes cannot be withdrawn rolls back the whole transaction instead.
	 */
	private final TransactionTemplate retries;

	/** Set when a retried event failed in a way that leaves writes behind. */
	private static final ThreadLocal<Boolean> spoiled = new ThreadLocal<>();

	private final Serializer serializer;

	private final Serializer events;

	private final int maxSequences;

	/** The invoker of each running generation, by its processor's name. */
	private final Map<String, DeadLetteringEventHandlerInvoker> invokers = new ConcurrentHashMap<>();

	/**
	 * Processors that may hold dead letters: only for these does a read-your-writes query
	 * look in the table.
	 */
	private final Set<String> mayHold = ConcurrentHashMap.newKeySet();

	DeadLetters(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, ConnectionProvider connections,
			TransactionManager transactions, Serializer serializer, @Qualifier("eventSerializer") Serializer events,
			@Value("${matterflow.read-models.dead-letters.max-aggregates:1024}") int maxSequences) {
		this.jdbc = JdbcClient.create(jdbc);
		this.connections = connections;
		this.transactions = transactions;
		this.retries = new TransactionTemplate(transactionManager);
		this.serializer = serializer;
		this.events = events;
		this.maxSequences = maxSequences;
	}

	/** A parked event, as an operator reads it; {@code aggregate} is its stream. */
	public record Letter(Long position, String eventId, String payloadType, String aggregateType, String aggregate,
			Long sequenceNumber, String cause, String enqueuedAt, String lastTried) {
	}

	/**
	 * What a retry did: the aggregates whose events were all handled, and what is left.
	 */
	public record Retried(int aggregatesHandled, int aggregatesLeft, long eventsLeft) {
	}

	/**
	 * The invoker of one generation: its handler behind the dead-letter queue of the
	 * generation's processor.
	 */
	SimpleEventHandlerInvoker invokerFor(String processorName, Object handler, Statements statements,
			ProcessorFailures failures) {
		JdbcSequencedDeadLetterQueue<EventMessage<?>> queue = JdbcSequencedDeadLetterQueue.builder()
			.processingGroup(processorName)
			.connectionProvider(this.connections)
			.transactionManager(this.transactions)
			.schema(SCHEMA)
			.genericSerializer(this.serializer)
			// the event store's own: a parked event is stored as it was read, never
			// deserialized (and so never failing again) on its way into the queue
			.eventSerializer(this.events)
			.maxSequences(this.maxSequences)
			.build();
		DeadLetteringEventHandlerInvoker invoker = DeadLetteringEventHandlerInvoker.builder()
			.eventHandlers(new Withdrawing(new AnnotationEventHandlerAdapter(handler), statements))
			.sequencingPolicy(ONE_AGGREGATE)
			.queue(queue)
			.enqueuePolicy((letter, cause) -> decide(processorName, letter, cause, failures))
			.transactionManager(this.transactions)
			// remembers which aggregates are parked, so that an event of any other
			// costs no look in the table
			.enableSequenceIdentifierCache()
			// the handler's failure reaches the queue; the processor's error handler
			// records it where it is not parked
			.listenerInvocationErrorHandler(failures)
			.build();
		this.invokers.put(processorName, invoker);
		if (count(processorName) > 0) {
			this.mayHold.add(processorName);
		}
		return invoker;
	}

	private EnqueueDecision<EventMessage<?>> decide(String processorName, DeadLetter<? extends EventMessage<?>> letter,
			Throwable cause, ProcessorFailures failures) {
		if (cause instanceof NotParked notParked) {
			// out through the invoker: the batch fails and is tried again
			throw notParked;
		}
		failures.parked();
		this.mayHold.add(processorName);
		// the root cause too: "error while deserializing" alone does not say what to fix
		String described = ProcessorFailures.describe(cause);
		log.warn("{} parks event {} of {} and the aggregate's later events: {}", processorName,
				letter.message().getIdentifier(), ONE_AGGREGATE.getSequenceIdentifierFor(letter.message()), described);
		return Decisions.enqueue(new ThrowableCause(cause.getClass().getName(),
				described.substring(0, Math.min(described.length(), ThrowableCause.TRUNCATED_MESSAGE_SIZE))));
	}

	/** The number of events parked by each processor that has any. */
	public Map<String, Long> counts() {
		return this.jdbc.sql("SELECT processing_group, count(*) FROM " + TABLE + " GROUP BY processing_group")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	long count(String processorName) {
		return this.jdbc.sql("SELECT count(*) FROM " + TABLE + " WHERE processing_group = ?")
			.param(processorName)
			.query(Long.class)
			.single();
	}

	/** The events a processor has parked, aggregate by aggregate, each in its order. */
	public List<Letter> of(String processorName) {
		return this.jdbc
			.sql("SELECT " + POSITION + ", event_identifier, payload_type, aggregate_type, "
					+ "aggregate_identifier, sequence_number, cause_message, enqueued_at, last_touched FROM " + TABLE
					+ " WHERE processing_group = ? ORDER BY sequence_identifier, sequence_index")
			.param(processorName)
			.query((rs, n) -> new Letter((Long) rs.getObject(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), (Long) rs.getObject(6), rs.getString(7), rs.getString(8), rs.getString(9)))
			.list();
	}

	/** Whether a processor has parked the event at this position. */
	boolean holds(String processorName, long position) {
		return this.mayHold.contains(processorName) && this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM " + TABLE + " WHERE processing_group = ? AND " + POSITION + " = ?)")
			.params(processorName, position)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Hands a processor's parked events to its handler again, aggregate by aggregate,
	 * each in its order; an aggregate whose event fails again stays parked from that
	 * event on. Worth it once a new version handles what the old one could not.
	 */
	Retried retry(String processorName) {
		DeadLetteringEventHandlerInvoker invoker = this.invokers.get(processorName);
		if (invoker == null) {
			throw new IllegalStateException("processor " + processorName + " is not running");
		}
		List<String> firstOfEach = this.jdbc
			.sql("SELECT DISTINCT ON (sequence_identifier) event_identifier FROM " + TABLE
					+ " WHERE processing_group = ? ORDER BY sequence_identifier, sequence_index")
			.param(processorName)
			.query(String.class)
			.list();
		int handled = 0;
		for (String first : firstOfEach) {
			Boolean done = this.retries.execute((tx) -> {
				try {
					boolean all = invoker.process((letter) -> letter.message().getIdentifier().equals(first));
					if (Boolean.TRUE.equals(spoiled.get())) {
						tx.setRollbackOnly();
						return false;
					}
					return all;
				}
				finally {
					spoiled.remove();
				}
			});
			if (Boolean.TRUE.equals(done)) {
				handled++;
			}
		}
		long left = count(processorName);
		if (left == 0) {
			this.mayHold.remove(processorName);
		}
		int aggregatesLeft = this.jdbc
			.sql("SELECT count(DISTINCT sequence_identifier) FROM " + TABLE + " WHERE processing_group = ?")
			.param(processorName)
			.query(Integer.class)
			.single();
		log.info("{}: dead letters of {} aggregates handled, {} events of {} aggregates still parked", processorName,
				handled, left, aggregatesLeft);
		return new Retried(handled, aggregatesLeft, left);
	}

	/** Drops a retired generation's dead letters, in the caller's transaction. */
	void drop(String processorName) {
		this.jdbc.sql("DELETE FROM " + TABLE + " WHERE processing_group = ?").param(processorName).update();
		forget(processorName);
	}

	/** Forgets a processor that has stopped; its dead letters stay in the table. */
	void forget(String processorName) {
		this.invokers.remove(processorName);
		this.mayHold.remove(processorName);
	}

	/**
	 * The handler's failure, kept from the dead-letter queue: the database's, or one
	 * after the event's writes were sent.
	 */
	static final class NotParked extends RuntimeException {

		NotParked(Exception cause) {
			super(cause.getMessage(), cause);
		}

	}

	/**
	 * One generation's handler, whose writes for an event are withdrawn if it fails on
	 * it: a parked event leaves nothing behind in the read model.
	 */
	private static final class Withdrawing implements EventMessageHandler {

		private final EventMessageHandler handler;

		private final Statements statements;

		Withdrawing(EventMessageHandler handler, Statements statements) {
			this.handler = handler;
			this.statements = statements;
		}

		@Override
		public Object handle(EventMessage<?> event) throws Exception {
			long mark = this.statements.mark();
			try {
				return this.handler.handle(event);
			}
			catch (Exception ex) {
				// PostgreSQL refuses anything more in a transaction after an error
				boolean leavesWrites = ex instanceof DataAccessException || !this.statements.withdrawSince(mark);
				if (retryingDeadLetter()) {
					// the event stays parked whatever the failure; what it wrote must go
					if (leavesWrites) {
						spoiled.set(true);
					}
					throw ex;
				}
				throw leavesWrites ? new NotParked(ex) : ex;
			}
		}

		private static boolean retryingDeadLetter() {
			return CurrentUnitOfWork.isStarted()
					&& CurrentUnitOfWork.get().resources().containsKey(DeadLetter.class.getName());
		}

		@Override
		public boolean canHandle(EventMessage<?> event) {
			return this.handler.canHandle(event);
		}

		@Override
		public boolean canHandleType(Class<?> payloadType) {
			return this.handler.canHandleType(payloadType);
		}

		@Override
		public Class<?> getTargetType() {
			return this.handler.getTargetType();
		}

		@Override
		public boolean supportsReset() {
			return this.handler.supportsReset();
		}

	}

}
