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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Copies every event into the integration feed as a CloudEvent, in the order the feed's
 * processor receives it, which is the event store's order with late commits placed where
 * they became visible. Runs in the processor's transaction, with its token: an event is
 * in the feed exactly once.
 */
class FeedProjection implements EventMessageHandler {

	private static final Logger log = LoggerFactory.getLogger(FeedProjection.class);

	/**
	 * The event's place in the feed, or null when it is already there (the processor
	 * handles an event again after a failed batch), with what the first event of its
	 * stream named. The sequence is only drawn for an event not yet in the feed.
	 */
	private static final String NEXT_POSITION = """
			SELECT CASE WHEN EXISTS (SELECT 1 FROM projections.feed_event WHERE event_id = :event)
			            THEN NULL ELSE nextval('projections.feed_position') END,
			       s.body_id, s.matter_id
			FROM (SELECT 1) AS one LEFT JOIN projections.feed_subject s ON s.subject = :subject""";

	/**
	 * An event's position in the feed (null: already there) and the body and matter the
	 * first event of its stream named.
	 */
	private record Place(Long position, String streamBody, String streamMatter) {
	}

	private final JdbcClient jdbc;

	FeedProjection(JdbcClient jdbc) {
		this.jdbc = jdbc;
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
		// one round trip instead of three: a processor handles its events one after
		// another, so where PostgreSQL is across a network each statement is a wait
		Place place = this.jdbc.sql(NEXT_POSITION)
			.param("event", message.getIdentifier())
			.param("subject", subject)
			.query((row, n) -> new Place(row.getObject(1, Long.class), row.getString(2), row.getString(3)))
			.single();
		if (place.position() == null) {
			return null;
		}
		long position = place.position();
		ObjectNode data = CloudEvents.data(message.getPayload());
		long globalIndex = (message instanceof TrackedEventMessage<?> tracked)
				? tracked.trackingToken().position().orElse(-1) : -1;
		Map<String, ?> metadata = message.getMetaData();
		CloudEvents.Published published = CloudEvents.render(position, globalIndex, message.getIdentifier(), subject,
				message.getTimestamp(), type, data, metadata);
		if (domain.getSequenceNumber() == 0) {
			remember(subject, data);
		}
		Set<String> bodies = new LinkedHashSet<>(published.bodies());
		Set<String> matters = new LinkedHashSet<>(published.matters());
		addIfPresent(bodies, place.streamBody());
		addIfPresent(matters, place.streamMatter());
		if (subject.startsWith("matter:")) {
			matters.add(subject.substring("matter:".length()));
		}
		if (subject.startsWith("body:")) {
			bodies.add(subject.substring("body:".length()));
		}
		this.jdbc.sql(
				"INSERT INTO projections.feed_event (position, event_id, global_index, type, subject, bodies, matters, "
						+ "event, recorded_at) VALUES (?, ?, ?, ?, ?, ?::text[], ?::text[], ?, ?)")
			.params(position, message.getIdentifier(), globalIndex, type.type(), subject, array(bodies), array(matters),
					published.json(), Timestamp.from(message.getTimestamp()))
			.update();
		return null;
	}

	/**
	 * The first event of a stream (a meeting scheduled, a matter raised, an assignment
	 * handed out) names its body and matter; later events of the stream are filtered by
	 * what it named.
	 */
	private void remember(String subject, JsonNode data) {
		String body = text(data, "bodyId");
		String matter = text(data, "matterId");
		if (body == null && matter == null) {
			return;
		}
		this.jdbc
			.sql("INSERT INTO projections.feed_subject (subject, body_id, matter_id) VALUES (?, ?, ?) "
					+ "ON CONFLICT (subject) DO UPDATE SET body_id = coalesce(feed_subject.body_id, excluded.body_id), "
					+ "matter_id = coalesce(feed_subject.matter_id, excluded.matter_id)")
			.params(subject, body, matter)
			.update();
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

}
