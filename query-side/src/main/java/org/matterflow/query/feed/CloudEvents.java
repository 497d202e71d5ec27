package org.matterflow.query.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.matterflow.query.infrastructure.EventJson;

/**
 * Renders an event as a CloudEvent in the JSON format (CloudEvents 1.0): the published
 * type and schema, the event id, the stream as subject, when it was recorded, and
 * matterflow's own extension attributes: the feed {@code position}, the event store's
 * {@code globalposition}, {@code recordedby}, {@code businessdate}, {@code correlationid}
 * and {@code causationid}. The envelope is a flat JSON object; it is written here rather
 * than with the CloudEvents SDK so that the stored text, which webhooks sign, is produced
 * by one serializer with a fixed attribute order.
 */
final class CloudEvents {

	static final String SOURCE = "/matterflow";

	private static final ObjectMapper JSON = EventJson.objectMapper();

	private CloudEvents() {
	}

	/** An event as the feed publishes it, with the bodies and matters it is about. */
	record Published(String json, Set<String> bodies, Set<String> matters) {
	}

	static ObjectNode data(Object payload) {
		return JSON.valueToTree(payload);
	}

	static Published render(long position, long globalIndex, String eventId, String subject, Instant recordedAt,
			PublishedLanguage.PublishedType type, ObjectNode data, Map<String, ?> metadata) {
		ObjectNode event = JSON.createObjectNode();
		event.put("specversion", "1.0");
		event.put("id", eventId);
		event.put("source", SOURCE + "/" + subject.substring(0, Math.max(subject.indexOf(':'), 0)));
		event.put("type", type.type());
		event.put("subject", subject);
		event.put("time", recordedAt.toString());
		event.put("datacontenttype", "application/json");
		event.put("dataschema", type.dataSchema());
		event.put("position", position);
		event.put("globalposition", globalIndex);
		extension(event, "recordedby", metadata.get("recordedBy"));
		extension(event, "businessdate", metadata.get("businessDate"));
		// MONTH or YEAR for a date known only to that; absent for a day, also where an
		// event names DAY to replace a precision its command carried
		Object precision = metadata.get("businessDatePrecision");
		extension(event, "dateprecision", "DAY".equals(precision) ? null : precision);
		extension(event, "correlationid", metadata.get("correlationId"));
		extension(event, "causationid", metadata.get("causationId"));
		event.set("data", data);
		try {
			return new Published(JSON.writeValueAsString(event), named(data, BODY_FIELDS), named(data, MATTER_FIELDS));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("event " + eventId + " cannot be written as JSON", ex);
		}
	}

	private static final List<String> BODY_FIELDS = List.of("bodyId", "fromBody", "toBody", "toBacklogOf",
			"parentBody");

	private static final List<String> MATTER_FIELDS = List.of("matterId");

	private static Set<String> named(JsonNode data, List<String> fields) {
		Set<String> values = new LinkedHashSet<>();
		for (String field : fields) {
			JsonNode value = data.get(field);
			if (value != null && value.isTextual()) {
				values.add(value.asText());
			}
		}
		return values;
	}

	private static void extension(ObjectNode event, String name, Object value) {
		if (value != null) {
			event.put(name, value.toString());
		}
	}

	static List<String> asList(Set<String> values) {
		return new ArrayList<>(values);
	}

}
