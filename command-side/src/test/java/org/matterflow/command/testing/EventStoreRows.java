package org.matterflow.command.testing;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads the event store table as an auditor would, with plain SQL. */
public class EventStoreRows {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final JdbcClient jdbc;

	public EventStoreRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One stored event: its position, stream, type name and JSON payload and metadata.
	 */
	public record Row(long position, String stream, long sequence, String type, JsonNode payload, JsonNode metaData) {
	}

	public long count() {
		return this.jdbc.sql("SELECT count(*) FROM events.domain_event_entry").query(Long.class).single();
	}

	public List<Row> of(String stream) {
		return this.jdbc
			.sql("SELECT global_index, aggregate_identifier, sequence_number, payload_type, payload, meta_data "
					+ "FROM events.domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number")
			.param(stream)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3),
					rs.getString(4).substring(rs.getString(4).lastIndexOf('.') + 1), read(rs.getString(5)),
					read(rs.getString(6))))
			.list();
	}

	/**
	 * Another writer, behind the command side's back, records the stream's newest event
	 * again as its next one.
	 */
	public void recordNewestAgain(String stream) {
		this.jdbc.sql("""
				INSERT INTO events.domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
				    time_stamp, payload_type, payload_revision, payload, meta_data)
				SELECT gen_random_uuid()::text, aggregate_identifier, sequence_number + 1, type, time_stamp,
				    payload_type, payload_revision, payload, meta_data
				FROM events.domain_event_entry WHERE aggregate_identifier = ?
				ORDER BY sequence_number DESC LIMIT 1""").param(stream).update();
	}

	public List<String> typesOf(String stream) {
		return of(stream).stream().map(Row::type).toList();
	}

	public List<Map<String, Object>> raw(String sql, Object... params) {
		JdbcClient.StatementSpec spec = this.jdbc.sql(sql);
		for (Object param : params) {
			spec = spec.param(param);
		}
		return spec.query().listOfRows();
	}

	private static JsonNode read(String json) {
		try {
			return JSON.readTree(json);
		}
		catch (Exception ex) {
			throw new IllegalStateException("not JSON in the event store: " + json, ex);
		}
	}

}
