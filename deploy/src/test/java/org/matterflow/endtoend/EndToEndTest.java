package org.matterflow.endtoend;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.matterflow.deploy.BothSides;
import org.matterflow.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both sides as they run, sharing nothing but one PostgreSQL database: commands go to the
 * command side, and the answers are read from the query side with the position each
 * command returned, without waiting or polling.
 */
class EndToEndTest {

	static BothSides sides;

	static final ObjectMapper JSON = new ObjectMapper();

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void start() {
		TestDatabase.Connection database = TestDatabase.create("endtoend");
		sides = BothSides.start(database.url(), database.username(), database.password(), 0, 0);
	}

	@AfterAll
	static void stop() {
		if (sides != null) {
			sides.close();
		}
	}

	@Test
	void what_a_secretary_records_an_auditor_reads_at_once() throws Exception {
		send("/api/bodies", "{'bodyId':'chefsgrupp','name':'Chefsgrupp folkhälsa','kind':'MANAGEMENT_GROUP'}");
		send("/api/bodies", "{'bodyId':'soder','name':'Länsdelsgrupp söder','kind':'COUNTY_PART_GROUP'}");
		send("/api/matters", "{'matterId':'f-stod','bodyId':'chefsgrupp','title':'Föräldraskapsstödsstrategin'}");
		send("/api/meetings",
				"{'meetingId':'cg-2025-01-22','bodyId':'chefsgrupp','date':'2025-01-22','start':'13:00'}");
		send("/api/meetings/cg-2025-01-22/agenda-items",
				"{'itemId':'4','title':'Föräldraskapsstödsstrategin','kind':'DISCUSSION','matterId':'f-stod'}");
		send("/api/meetings/cg-2025-01-22/open", null);
		send("/api/meetings/cg-2025-01-22/decisions",
				"{'decisionId':'d-4','itemId':'4','kind':'HAND_OUT_ASSIGNMENT','text':'Deepa får fortsatt uppdrag'}");
		send("/api/assignments", "{'assignmentId':'a-1','meetingId':'cg-2025-01-22','itemId':'4',"
				+ "'assignees':[{'kind':'PERSON','id':'deepa','name':'Deepa Singhru'}],'description':'återkomma med förslag','due':{'date':'2099-05-21'}}");
		long position = send("/api/matters/f-stod/referrals",
				"{'fromBody':'chefsgrupp','toBody':'soder','purpose':'FOR_INFORMATION','atMeeting':'cg-2025-01-22'}")
			.get("position")
			.asLong();

		JsonNode meeting = read("/api/meetings/cg-2025-01-22?position=" + position);
		assertThat(meeting.get("status").asText()).isEqualTo("OPENED");
		assertThat(meeting.at("/agenda/0/decisions/0/text").asText()).isEqualTo("Deepa får fortsatt uppdrag");

		JsonNode history = read("/api/matters/f-stod/history?position=" + position);
		assertThat(history.get("steps").findValuesAsText("step")).containsExactly("RAISED", "PLACED_ON_AGENDA",
				"DECIDED", "ASSIGNMENT_HANDED_OUT", "REFERRED");
		assertThat(history.at("/steps/2/recordedBy").asText()).isEqualTo("secretary");
		assertThat(history.at("/steps/2/businessDate").asText()).isEqualTo("2025-01-22");

		JsonNode open = read("/api/assignments?assignee=deepa&position=" + position);
		assertThat(open.findValuesAsText("assignmentId")).containsExactly("a-1");

		JsonNode south = read("/api/bodies/soder/agenda?position=" + position);
		assertThat(south.get("referredMatters").findValuesAsText("matterId")).containsExactly("f-stod");
	}

	@Test
	void both_sides_publish_their_openapi_document_and_its_ui() throws Exception {
		for (URI side : new URI[] { sides.commandSideAt("/"), sides.querySideAt("/") }) {
			HttpResponse<String> document = this.http.send(
					HttpRequest.newBuilder(side.resolve("/v3/api-docs")).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(document.statusCode()).as(side + "v3/api-docs").isEqualTo(200);
			JsonNode openApi = JSON.readTree(document.body());
			assertThat(openApi.get("openapi").asText()).startsWith("3.");
			assertThat(openApi.at("/info/title").asText()).as("the document names its API")
				.isEqualTo(side.equals(sides.commandSideAt("/")) ? "matterflow command API" : "matterflow query API");
			HttpResponse<String> ui = this.http.send(
					HttpRequest.newBuilder(side.resolve("/swagger-ui.html")).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(ui.statusCode()).as(side + "swagger-ui.html").isIn(200, 302);
		}
		JsonNode query = JSON.readTree(
				this.http
					.send(HttpRequest.newBuilder(sides.querySideAt("/v3/api-docs")).GET().build(),
							HttpResponse.BodyHandlers.ofString())
					.body());
		for (String register : new String[] { "/api/decisions", "/api/matters", "/api/assignments" }) {
			JsonNode answer = query.at("/paths/" + register.replace("/", "~1") + "/get/responses/200");
			assertThat(answer.at("/headers/Link/description").asText()).as(register).contains("rel=\"next\"");
			assertThat(answer.at("/content/*~1*/schema/type").asText()).as(register + ": still a list")
				.isEqualTo("array");
		}
		assertThat(query.at("/paths/~1api~1calendar.ics/get/responses/200/content").has("text/calendar")).isTrue();
		assertThat(query.at("/paths/~1api~1meetings~1{meetingId}~1minutes/get/responses/200/content").has("text/html"))
			.isTrue();
	}

	private JsonNode send(String path, String json) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(sides.commandSideAt(path))
			.header("Authorization", basic("secretary"))
			.header("Content-Type", "application/json")
			.POST((json != null) ? HttpRequest.BodyPublishers.ofString(json.replace('\'', '"'))
					: HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path + ": " + response.body()).isIn(200, 201);
		return JSON.readTree(response.body());
	}

	private JsonNode read(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(sides.querySideAt(path)).header("Authorization", basic("auditor")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
	}

}
