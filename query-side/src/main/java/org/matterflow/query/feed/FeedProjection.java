package org.matterflow.query.feed;

import java.sql.Timestamp;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.matterflow.query.common.Remembered;
import org.matterflow.query.common.Statements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Copies every event into the integration feed as a CloudEvent, in the order the feed's
 * processor receives it, which is the event store's order with late commits placed where
 * they became visible. Runs in the processor's transaction, with its token: an event is
 * in the feed exactly once.
 *
 * The feed has one writer, its processor's one segment, so the positions of a batch are
 * counted on from the feed's last position, read once per transaction; the primary key
 * refuses a second writer that counted the same (a claim taken over mid-batch), whose
 * batch then rolls back. The rows go as one JDBC batch at the commit
 * ({@link Statements}), and what a stream's first event named is kept in memory: an event
 * costs no round trip of its own. An event already in the feed (handled a second time) is
 * not copied again; the position it was counted leaves a gap, which the feed's contract
 * allows.
 */
class FeedProjection implements EventMessageHandler {

	private static final Logger log = LoggerFactory.getLogger(FeedProjection.class);

	/** Streams whose first event's names are kept: well beyond those a batch touches. */
	static final int REMEMBERED_STREAMS = 20_000;

	private static final String INSERT = """
			INSERT INTO {s}.feed_event (position, event_id, global_index, type, subject, bodies, matters, event,
			                            recorded_at)
			VALUES (?, ?, ?, ?, ?, ?::text[], ?::text[], ?, ?)
			ON CONFLICT (event_id) DO NOTHING""";

	/** What the first event of a stream named: body and matter, either may be null. */
	private record Stream(String body, String matter) {

		static final Stream NAMES_NEITHER = new Stream(null, null);

	}

	/** The last position counted in the current transaction. */
	private static final class Counted {

		long last;

		Counted(long last) {
			this.last = last;
		}

	}

	private final Statements statements;

	private final Map<String, Stream> streams = Remembered.upTo(REMEMBERED_STREAMS);

	FeedProjection(Statements statements) {
		this.statements = statements;
	}

	@Override
	public Object handle(EventMessage<?> message) {
		if (!(message instanceof DomainEventMessage<?> domain)) {
			return null;
		}
		PublishedLanguage.PublishedType type = PublishedLanguage.of(message.getPayloadType()).orElse(null);
		if (type == null) {
			log.warn("Event {} of type {} has no published type and is not in the integration feed",
					message.getIdentifier(), message.getPayloadType().getName());
			return null;
		}
		String subject = domain.getAggregateIdentifier();
		long position = nextPosition();
		ObjectNode data = CloudEvents.data(message.getPayload());
		long globalIndex = (message instanceof TrackedEventMessage<?> tracked)
				? tracked.trackingToken().position().orElse(-1) : -1;
		Map<String, ?> metadata = message.getMetaData();
		CloudEvents.Published published = CloudEvents.render(position, globalIndex, message.getIdentifier(), subject,
				message.getTimestamp(), type, data, metadata);
		Stream stream = (domain.getSequenceNumber() == 0) ? remember(subject, data) : streamOf(subject);
		Set<String> bodies = new LinkedHashSet<>(published.bodies());
		Set<String> matters = new LinkedHashSet<>(published.matters());
		addIfPresent(bodies, stream.body());
		addIfPresent(matters, stream.matter());
		if (subject.startsWith("matter:")) {
			matters.add(subject.substring("matter:".length()));
		}
		if (subject.startsWith("body:")) {
			bodies.add(subject.substring("body:".length()));
		}
		this.statements.update(INSERT, position, message.getIdentifier(), globalIndex, type.type(), subject,
				array(bodies), array(matters), published.json(), Timestamp.from(message.getTimestamp()));
		return null;
	}

	/**
	 * The next position: the feed's last one is read at the first event of a transaction,
	 * those after it are counted on in memory until the transaction ends.
	 */
	private long nextPosition() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			// every write goes at once here, so the feed's last position is up to date
			return lastPosition() + 1;
		}
		Counted counted = (Counted) TransactionSynchronizationManager.getResource(this);
		if (counted == null) {
			counted = new Counted(lastPosition());
			TransactionSynchronizationManager.bindResource(this, counted);
			TransactionSynchronizationManager.registerSynchronization(new ForgetCountAfterTransaction());
		}
		counted.last++;
		return counted.last;
	}

	private long lastPosition() {
		return this.statements.read("SELECT coalesce(max(position), 0) FROM {s}.feed_event").query(Long.class).single();
	}

	/**
	 * What the first event of a stream named, from memory or, for a stream not there
	 * (after a restart), from the feed's table.
	 */
	private Stream streamOf(String subject) {
		Stream stream = this.streams.get(subject);
		if (stream == null) {
			stream = this.statements.read("SELECT body_id, matter_id FROM {s}.feed_subject WHERE subject = ?")
				.param(subject)
				.query((row, n) -> new Stream(row.getString(1), row.getString(2)))
				.optional()
				.orElse(Stream.NAMES_NEITHER);
			this.streams.put(subject, stream);
		}
		return stream;
	}

	/**
	 * The first event of a stream (a meeting scheduled, a matter raised, an assignment
	 * handed out) names its body and matter; later events of the stream are filtered by
	 * what it named. Kept in memory whether or not its transaction commits: a stream's
	 * first event names the same when it is handled again.
	 */
	private Stream remember(String subject, JsonNode data) {
		String body = text(data, "bodyId");
		String matter = text(data, "matterId");
		Stream stream = (body == null && matter == null) ? Stream.NAMES_NEITHER : new Stream(body, matter);
		this.streams.put(subject, stream);
		if (stream != Stream.NAMES_NEITHER) {
			this.statements.update("INSERT INTO {s}.feed_subject (subject, body_id, matter_id) VALUES (?, ?, ?) "
					+ "ON CONFLICT (subject) DO UPDATE SET body_id = coalesce(feed_subject.body_id, excluded.body_id), "
					+ "matter_id = coalesce(feed_subject.matter_id, excluded.matter_id)", subject, body, matter);
		}
		return stream;
	}

	private static void addIfPresent(Set<String> values, String value) {
		if (value != null) {
			values.add(value);
		}
	}

	private static String text(JsonNode data, String field) {
		JsonNode value = data.get(field);
		return (value != null && value.isTextual()) ? value.asText() : null;
	}

	private static String array(Set<String> values) {
		StringBuilder literal = new StringBuilder("{");
		for (String value : values) {
			if (literal.length() > 1) {
				literal.append(',');
			}
			literal.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
		}
		return literal.append('}').toString();
	}

	private final class ForgetCountAfterTransaction implements TransactionSynchronization {

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(FeedProjection.this);
		}

	}

}
