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
		boolean known = this.jdbc.sql("SELECT count(*) FROM projections.feed_event WHERE event_id = ?")
			.param(message.getIdentifier())
			.query(Long.class)
			.single() > 0;
		if (known) {
			return null;
		}
		String subject = domain.getAggregateIdentifier();
		ObjectNode data = CloudEvents.data(message.getPayload());
		long globalIndex = (message instanceof TrackedEventMessage<?> tracked)
				? tracked.trackingToken().position().orElse(-1) : -1;
		long position = this.jdbc.sql("SELECT nextval('projections.feed_position')").query(Long.class).single();
		Map<String, ?> metadata = message.getMetaData();
		CloudEvents.Published published = CloudEvents.render(position, globalIndex, message.getIdentifier(), subject,
				message.getTimestamp(), type, data, metadata);
		if (domain.getSequenceNumber() == 0) {
			remember(subject, data);
		}
		Set<String> bodies = new LinkedHashSet<>(published.bodies());
		Set<String> matters = new LinkedHashSet<>(published.matters());
		this.jdbc.sql("SELECT body_id, matter_id FROM projections.feed_subject WHERE subject = ?")
			.param(subject)
			.query((row, n) -> {
				if (row.getString(1) != null) {
					bodies.add(row.getString(1));
				}
				if (row.getString(2) != null) {
					matters.add(row.getString(2));
				}
				return n;
			})
			.list();
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
