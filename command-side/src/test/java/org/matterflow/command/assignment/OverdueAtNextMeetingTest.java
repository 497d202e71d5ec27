package org.matterflow.command.assignment;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.matterflow.command.testing.Api;
import org.matterflow.command.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.matterflow.command.testing.Api.json;

/**
 * Through the API on PostgreSQL: an assignment due at the next meeting of a body becomes
 * overdue when that meeting is closed without its report back, recorded by matterflow on
 * the meeting's day; one reported back at it does not.
 */
@IntegrationTest
class OverdueAtNextMeetingTest {

	private static final String OVERDUE = "org.matterflow.kernel.assignment.AssignmentBecameOverdue";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry registry;

	@Autowired
	@Qualifier("processManagersHealthIndicator")
	HealthIndicator processManagers;

	@Test
	void an_assignment_due_at_the_next_meeting_becomes_overdue_when_that_meeting_closes_without_its_report() {
		Api api = new Api(this.port);
		api.post("/api/bodies", json("{'bodyId':'chefsgrupp','name':'Chefsgrupp','kind':'MANAGEMENT_GROUP'}"));
		holdUntilOpen(api, "chefsgrupp-jan", "2025-01-22");
		for (String assignment : List.of("forslag", "rapport")) {
			Api.Response handedOut = api.post("/api/assignments",
					json("{'assignmentId':'" + assignment + "','meetingId':'chefsgrupp-jan','itemId':'1',"
							+ "'assignees':[{'kind':'PERSON','id':'deepa','name':'Deepa'}],"
							+ "'description':'återkomma till nästa möte','due':{'atMeetingOf':'chefsgrupp'}}"));
			assertThat(handedOut.status()).as(handedOut.body().toString()).isEqualTo(201);
		}
		assertThat(api.post("/api/meetings/chefsgrupp-jan/close", null).status()).isEqualTo(200);

		holdUntilOpen(api, "chefsgrupp-mar", "2025-03-19");
		Api.Response reported = api.post("/api/assignments/rapport/report-back",
				json("{'meetingId':'chefsgrupp-mar','itemId':'1','summary':'förslaget presenterades'}"));
		assertThat(reported.status()).as(reported.body().toString()).isEqualTo(200);
		assertThat(api.header("X-Correlation-Id", "sammantrade-chefsgrupp-mar")
			.post("/api/meetings/chefsgrupp-mar/close", null)
			.status()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(30)).until(() -> eventTypes("forslag").contains(OVERDUE));
		String overdue = this.jdbc
			.sql("SELECT payload::text || ' ' || meta_data::text "
					+ "FROM events.domain_event_entry WHERE aggregate_identifier = ? AND payload_type = ?")
			.params("assignment:forslag", OVERDUE)
			.query(String.class)
			.single();
		assertThat(overdue).contains("\"due\":\"2025-03-19\"")
			.contains("\"recordedBy\":\"matterflow\"")
			.contains("\"businessDate\":\"2025-03-19\"")
			.as("tied to the sitting that closed the meeting")
			.contains("\"correlationId\":\"sammantrade-chefsgrupp-mar\"");
		assertThat(eventTypes("rapport")).doesNotContain(OVERDUE);
		assertThat(eventTypes("forslag")).as("once, though later meetings are held").containsOnlyOnce(OVERDUE);

		Gauge lag = this.registry.get("matterflow.processmanager.lag")
			.tag("processor", "DueAtMeetingWatchProcessor")
			.gauge();
		await().atMost(Duration.ofSeconds(30)).until(() -> lag.value() == 0);
		assertThat(this.processManagers.health().getStatus()).isEqualTo(Status.UP);
	}

	private static void holdUntilOpen(Api api, String meeting, String date) {
		assertThat(api
			.post("/api/meetings", json("{'meetingId':'" + meeting + "','bodyId':'chefsgrupp','date':'" + date + "'}"))
			.status()).isEqualTo(201);
		api.post("/api/meetings/" + meeting + "/agenda-items",
				json("{'itemId':'1','title':'Uppdrag','kind':'DECISION'}"));
		assertThat(api.post("/api/meetings/" + meeting + "/open", null).status()).isEqualTo(200);
	}

	private List<String> eventTypes(String assignment) {
		return this.jdbc
			.sql("SELECT payload_type FROM events.domain_event_entry WHERE aggregate_identifier = ? "
					+ "ORDER BY sequence_number")
			.param("assignment:" + assignment)
			.query(String.class)
			.list();
	}

}
