package org.matterflow.command.meeting;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.matterflow.command.testing.Api;
import org.matterflow.command.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.matterflow.command.testing.Api.json;

/**
 * A meeting with a long record is loaded from its snapshot, not replayed from its first
 * event.
 */
@IntegrationTest
// without the aggregate cache, so that every command loads the meeting from the store
@TestPropertySource(
		properties = { "matterflow.event-store.meeting-snapshot-threshold=5", "matterflow.aggregate-cache.entries=0" })
class MeetingSnapshotLoadTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void a_meeting_is_loaded_from_its_snapshot() {
		Api api = new Api(this.port);
		String run = UUID.randomUUID().toString().substring(0, 8);
		String body = "grupp-" + run;
		String meeting = "m-" + run;
		api.scheduleMeetingOfNewBody(body, meeting);
		for (int item = 1; item <= 6; item++) {
			assertThat(api
				.post("/api/meetings/" + meeting + "/agenda-items",
						json("{'itemId':'" + item + "','title':'Punkt " + item + "','kind':'DECISION'}"))
				.status()).isEqualTo(201);
		}
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc
				.sql("SELECT count(*) FROM events.snapshot_event_entry WHERE aggregate_identifier = ?")
				.param("meeting:" + meeting)
				.query(Long.class)
				.single() > 0);
		long snapshotAt = this.jdbc
			.sql("SELECT max(sequence_number) FROM events.snapshot_event_entry WHERE aggregate_identifier = ?")
			.param("meeting:" + meeting)
			.query(Long.class)
			.single();

		// Without the events before the snapshot, only the snapshot can tell that item 1
		// is on the agenda.
		int removed = this.jdbc
			.sql("DELETE FROM events.domain_event_entry WHERE aggregate_identifier = ? AND sequence_number <= ?")
			.param("meeting:" + meeting)
			.param(snapshotAt)
			.update();
		assertThat(removed).isPositive();

		assertThat(api.post("/api/meetings/" + meeting + "/open", null).status()).isEqualTo(200);
		Api.Response decision = api.post("/api/meetings/" + meeting + "/decisions",
				json("{'itemId':'1','kind':'ADOPT_PROPOSAL','text':'i enlighet med förslaget'}"));
		assertThat(decision.status()).as(decision.body().toString()).isEqualTo(201);
		Api.Response unknownItem = api.post("/api/meetings/" + meeting + "/decisions",
				json("{'itemId':'42','kind':'ADOPT_PROPOSAL','text':'x'}"));
		assertThat(unknownItem.text("code")).isEqualTo("ITEM_NOT_ON_AGENDA");
	}

}
