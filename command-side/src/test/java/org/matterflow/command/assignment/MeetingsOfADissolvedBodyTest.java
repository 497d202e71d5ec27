package org.matterflow.command.assignment;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.matterflow.command.testing.Api;
import org.matterflow.command.testing.EventStoreRows;
import org.matterflow.command.testing.IntegrationTest;
import org.matterflow.kernel.meeting.MeetingTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.matterflow.command.testing.Api.json;

/**
 * Through the API on PostgreSQL: when a body is dissolved, its meetings on the calendar
 * after that day are cancelled by matterflow, with the dissolution as the reason and its
 * day as the business date; a meeting already held stays as it was. A meeting up to that
 * day, entered later, is still followed.
 */
@IntegrationTest
class MeetingsOfADissolvedBodyTest {

	private static final String CANCELLED = "MeetingCancelled";

	@LocalServerPort
	int port;

	EventStoreRows rows;

	@Autowired
	void rows(JdbcClient jdbc) {
		this.rows = new EventStoreRows(jdbc);
	}

	@Test
	void the_meetings_still_to_come_of_a_dissolved_body_are_cancelled() {
		Api api = new Api(this.port);
		LocalDate today = LocalDate.now(MeetingTime.ZONE);
		api.post("/api/bodies", json("{'bodyId':'au-avvecklas','name':'Arbetsutskott','kind':'WORKING_GROUP'}"));
		schedule(api, "au-held", today.minusDays(7));
		assertThat(api.post("/api/meetings/au-held/open", null).status()).isEqualTo(200);
		assertThat(api.post("/api/meetings/au-held/close", null).status()).isEqualTo(200);
		schedule(api, "au-next", today.plusDays(14));
		schedule(api, "au-later", today.plusMonths(2));

		Api.Response dissolved = api.header("X-Correlation-Id", "sammantrade-au-avvecklas")
			.post("/api/bodies/au-avvecklas/dissolve",
					json("{'dissolvedOn':'" + today + "','reason':'uppdraget slutfört'}"));
		assertThat(dissolved.status()).as(dissolved.body().toString()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(30))
			.until(() -> eventTypes("au-next").contains(CANCELLED) && eventTypes("au-later").contains(CANCELLED));
		EventStoreRows.Row cancelled = this.rows.of("meeting:au-next")
			.stream()
			.filter((row) -> row.type().equals(CANCELLED))
			.findFirst()
			.orElseThrow();
		assertThat(cancelled.payload().path("reason").asText())
			.contains("the body was dissolved on " + today + ": uppdraget slutfört");
		assertThat(cancelled.metaData().path("recordedBy").asText()).isEqualTo("matterflow");
		assertThat(cancelled.metaData().path("businessDate").asText()).isEqualTo(today.toString());
		assertThat(cancelled.metaData().path("correlationId").asText())
			.as("tied to the sitting that dissolved the body")
			.isEqualTo("sammantrade-au-avvecklas");
		assertThat(eventTypes("au-held")).doesNotContain(CANCELLED);
		Api.Response moved = api.post("/api/meetings/au-later/reschedule",
				json("{'date':'" + today.plusMonths(3) + "'}"));
		assertThat(moved.status()).as("a cancelled meeting is not moved").isEqualTo(409);
	}

	@Test
	void the_minutes_of_a_meeting_entered_after_the_dissolution_still_make_an_assignment_overdue() {
		Api api = new Api(this.port);
		LocalDate today = LocalDate.now(MeetingTime.ZONE);
		api.post("/api/bodies", json("{'bodyId':'au-efterhand','name':'Arbetsutskott','kind':'WORKING_GROUP'}"));
		schedule(api, "au-efterhand", "efterhand-1", today.minusDays(60));
		api.post("/api/meetings/efterhand-1/agenda-items", json("{'itemId':'1','title':'Uppdrag','kind':'DECISION'}"));
		assertThat(api.post("/api/meetings/efterhand-1/open", null).status()).isEqualTo(200);
		Api.Response handedOut = api.post("/api/assignments",
				json("{'assignmentId':'efterhand-uppdrag','meetingId':'efterhand-1','itemId':'1',"
						+ "'assignees':[{'kind':'PERSON','id':'deepa','name':'Deepa'}],"
						+ "'description':'återkomma till nästa möte','due':{'atMeetingOf':'au-efterhand'}}"));
		assertThat(handedOut.status()).as(handedOut.body().toString()).isEqualTo(201);
		assertThat(api.post("/api/meetings/efterhand-1/close", null).status()).isEqualTo(200);
		assertThat(api.post("/api/bodies/au-efterhand/dissolve", json("{'dissolvedOn':'" + today.minusDays(10) + "'}"))
			.status()).isEqualTo(200);

		// the minutes of a meeting held before the end, entered once every meeting known
		// of was closed
		schedule(api, "au-efterhand", "efterhand-2", today.minusDays(20));
		assertThat(api.post("/api/meetings/efterhand-2/open", null).status()).isEqualTo(200);
		assertThat(api.post("/api/meetings/efterhand-2/close", null).status()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.rows.typesOf("assignment:efterhand-uppdrag").contains("AssignmentBecameOverdue"));
		EventStoreRows.Row overdue = this.rows.of("assignment:efterhand-uppdrag")
			.stream()
			.filter((row) -> row.type().equals("AssignmentBecameOverdue"))
			.findFirst()
			.orElseThrow();
		assertThat(overdue.payload().path("due").asText()).isEqualTo(today.minusDays(20).toString());
	}

	private static void schedule(Api api, String meeting, LocalDate date) {
		schedule(api, "au-avvecklas", meeting, date);
	}

	private static void schedule(Api api, String body, String meeting, LocalDate date) {
		Api.Response scheduled = api.post("/api/meetings",
				json("{'meetingId':'" + meeting + "','bodyId':'" + body + "','date':'" + date + "'}"));
		assertThat(scheduled.status()).as(scheduled.body().toString()).isEqualTo(201);
	}

	private List<String> eventTypes(String meeting) {
		return this.rows.typesOf("meeting:" + meeting);
	}

}
