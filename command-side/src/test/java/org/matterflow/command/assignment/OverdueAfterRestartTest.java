package org.matterflow.command.assignment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.matterflow.kernel.meeting.MeetingTime;
import org.matterflow.command.CommandSideApplication;
import org.matterflow.command.testing.Api;
import org.matterflow.command.testing.EventStoreRows;
import org.matterflow.command.testing.OwnDatabase;
import org.matterflow.testing.TestDatabase;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.matterflow.command.testing.Api.json;

/**
 * A deadline is stored with the command that asked for it, in PostgreSQL, so an
 * assignment still becomes overdue when the node that handed it out stopped before the
 * day came.
 */
class OverdueAfterRestartTest {

	@Test
	void an_assignment_becomes_overdue_after_a_restart() {
		TestDatabase.Connection database = TestDatabase.create("overdue");
		String assignment;
		LocalDate dueOn = LocalDate.now(MeetingTime.ZONE).minusDays(3);
		try (ConfigurableApplicationContext first = start(database, false)) {
			Api api = new Api(port(first));
			api.post("/api/bodies", json("{'bodyId':'grupp','name':'Chefsgrupp','kind':'MANAGEMENT_GROUP'}"));
			api.post("/api/meetings", json("{'meetingId':'m','bodyId':'grupp','date':'2025-01-22'}"));
			api.post("/api/meetings/m/agenda-items", json("{'itemId':'4','title':'Strategin','kind':'DECISION'}"));
			api.post("/api/meetings/m/open", null);
			Api.Response handedOut = api.post("/api/assignments",
					json("{'meetingId':'m','itemId':'4','assignees':[{'kind':'PERSON','id':'deepa','name':'Deepa'}],"
							+ "'description':'återkomma med förslag','due':{'date':'" + dueOn + "'}}"));
			assertThat(handedOut.status()).as(handedOut.body().toString()).isEqualTo(201);
			assignment = handedOut.text("ids/assignmentId");
			JdbcClient jdbc = first.getBean(JdbcClient.class);
			assertThat(jdbc.sql("SELECT count(*) FROM events.scheduled_tasks").query(Long.class).single()).isEqualTo(1);
			assertThat(eventTypes(jdbc, assignment)).doesNotContain("AssignmentBecameOverdue");
		}

		try (ConfigurableApplicationContext second = start(database, true)) {
			JdbcClient jdbc = second.getBean(JdbcClient.class);
			await().atMost(Duration.ofSeconds(60))
				.until(() -> eventTypes(jdbc, assignment).contains("AssignmentBecameOverdue"));
			List<EventStoreRows.Row> rows = new EventStoreRows(jdbc).of("assignment:" + assignment);
			JsonNode handOut = rows.get(0).metaData();
			JsonNode overdue = rows.get(1).metaData();
			assertThat(rows.get(1).type()).isEqualTo("AssignmentBecameOverdue");
			assertThat(overdue.path("recordedBy").asText()).isEqualTo("matterflow");
			assertThat(overdue.path("businessDate").asText()).as("overdue from the day after it was due")
				.isEqualTo(dueOn.plusDays(1).toString());
			assertThat(overdue.path("correlationId").asText())
				.as("the sitting that handed it out, as for the events a command causes")
				.isEqualTo(handOut.path("correlationId").asText())
				.isNotEmpty();
			assertThat(overdue.path("causationId").asText()).isNotEmpty();
			assertThat(Instant.parse(overdue.path("recordedAt").asText()))
				.as("when the deadline fired, not the hand-out")
				.isAfter(Instant.parse(handOut.path("recordedAt").asText()));
		}
	}

	private static List<String> eventTypes(JdbcClient jdbc, String assignment) {
		return new EventStoreRows(jdbc).typesOf("assignment:" + assignment);
	}

	private static ConfigurableApplicationContext start(TestDatabase.Connection database, boolean deadlines) {
		Map<String, Object> properties = new HashMap<>(OwnDatabase.properties(database));
		properties.put("server.port", "0");
		properties.put("matterflow.deadlines.enabled", String.valueOf(deadlines));
		properties.put("matterflow.deadlines.polling-interval", "1s");
		// command-line arguments, because they outrank application.yml (builder
		// properties do not)
		String[] arguments = properties.entrySet()
			.stream()
			.map((property) -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
		return CommandSideApplication.builder().profiles("local").run(arguments);
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

}
