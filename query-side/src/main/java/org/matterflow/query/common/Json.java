package org.matterflow.query.common;

import tools.jackson.databind.json.JsonMapper;

/** Lists and small documents kept in JSONB columns, read back as plain maps and lists. */
public final class Json {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	public static String write(Object value) {
		return MAPPER.writeValueAsString(value);
	}

	public static Object read(String json) {
		return (json != null) ? MAPPER.readValue(json, Object.class) : null;
	}

}
