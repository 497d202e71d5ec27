package org.matterflow.query.infrastructure;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * How events, metadata and snapshots are written as JSON in the event store. Dates are
 * ISO strings so that the stored payloads read as the minutes do; unknown properties are
 * ignored so that an event written by a newer version can still be read by an older one.
 * The integration feed publishes event data in the same shape.
 * <p>
 * Text is read as the read models can store it: the character U+0000, which JSON and the
 * event store can hold but PostgreSQL's text cannot, is read as U+FFFD, the replacement
 * character. The command side refuses it since 2026-12-06; an event that holds it from
 * before would otherwise fail every read model that stores its text, after every retry.
 */
public final class EventJson {

	private EventJson() {
	}

	public static ObjectMapper objectMapper() {
		return JsonMapper.builder()
			.addModule(new JavaTimeModule())
			.addModule(new SimpleModule("storable-text").addDeserializer(String.class, new StorableText()))
			.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build();
	}

	static final class StorableText extends StdScalarDeserializer<String> {

		StorableText() {
			super(String.class);
		}

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
			String text = StringDeserializer.instance.deserialize(parser, context);
			return (text != null && text.indexOf('\u0000') >= 0) ? text.replace('\u0000', '\uFFFD') : text;
		}

	}

}
