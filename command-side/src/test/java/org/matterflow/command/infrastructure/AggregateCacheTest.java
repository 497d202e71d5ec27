package org.matterflow.command.infrastructure;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.matterflow.command.testing.Api;
import org.matterflow.command.testing.EventStoreRows;
import org.matterflow.command.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.matterflow.command.testing.Api.json;

/**
 * The command side keeps recently used aggregates in memory. What it must never do is
 * decide on a stale copy: when the store holds an event the cached meeting has not seen
 * (as when another instance wrote to the same store), the command is refused with nothing
 * appended, the copy is dropped, and the next attempt decides on the store's record.
 */
@IntegrationTest
class AggregateCacheTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void a_command_on_a_cached_meeting_behind_the_store_is_refused_and_the_retry_succeeds() {
		Api api = new Api(this.port);
		String run = UUID.randomUUID().toString().substring(0, 8);
		String body = "grupp-" + run;
		String meeting = "m-" + run;
		api.scheduleMeetingOfNewBody(body, meeting);
		assertThat(api.post("/api/meetings/" + meeting + "/reschedule", json("{'date':'2025-01-29','reason':'krock'}"))
			.status()).isEqualTo(200);

		// another writer records the same rescheduling again, behind this instance's back
		String stream = "meeting:" + meeting;
		new EventStoreRows(this.jdbc).recordNewestAgain(stream);
		long before = eventsOf(stream);

		Api.Response stale = api.post("/api/meetings/" + meeting + "/agenda-items",
				json("{'itemId':'1','title':'Samverkansplan','kind':'DECISION'}"));
		assertThat(stale.status()).as(stale.body().toString()).isEqualTo(409);
		assertThat(stale.body().path("code").asText()).isEqualTo("STALE_VERSION");
		assertThat(eventsOf(stream)).isEqualTo(before);

		Api.Response retry = api.post("/api/meetings/" + meeting + "/agenda-items",
				json("{'itemId':'1','title':'Samverkansplan','kind':'DECISION'}"));
		assertThat(retry.status()).as(retry.body().toString()).isEqualTo(201);
		assertThat(eventsOf(stream)).isEqualTo(before + 1);
		assertThat(retry.body().path("version").asLong()).isEqualTo(before);
	}

	private long eventsOf(String stream) {
		return this.jdbc.sql("SELECT count(*) FROM events.domain_event_entry WHERE aggregate_identifier = ?")
			.param(stream)
			.query(Long.class)
			.single();
	}

}
