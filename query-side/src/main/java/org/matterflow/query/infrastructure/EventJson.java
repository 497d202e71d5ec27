package org.matterflow.query.infrastructure;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * How events, metadata and snapshots are written as JSON in the event store. Dates are
 * ISO strings so that the stored payloads read as the minutes do; unknown properties are
 * ignored so that an event written by a newer version can still be read by an older one.
 * The integration feed publishes event data in the same shape.
 */
public final class EventJson {

	private EventJson() {
	}

	public static ObjectMapper objectMapper() {
		return JsonMapper.builder()
			.addModule(new JavaTimeModule())
			.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build();
	}

}
