package org.matterflow.seeds;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.matterflow.deploy.BothSides;
import org.matterflow.deploy.SeedRecords;
import org.matterflow.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed minutes, recorded through the import API as the run command does, and the
 * questions users ask of them answered by the query API.
 */
class SeedAcceptanceTest {

	static final Path SEEDS = Path.of("seeds");

	static final ObjectMapper JSON = new ObjectMapper();

	static BothSides sides;

	static List<SeedRecords.Imported> imported;

	static long position;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void recordTheSeeds() throws Exception {
		TestDatabase.Connection database = TestDatabase.create("seeds");
		sides = BothSides.start(database.url(), database.username(), database.password(), 0, 0);
		imported = new SeedRecords(sides.commandSideAt("/"), "importer", "importer").importAll(SEEDS);
		position = SeedRecords.lastPosition(imported);
	}

	@AfterAll
	static void stop() {
		if (sides != null) {
			sides.close();
		}
	}

	@Test
	void every_seed_document_is_recorded_and_importing_them_again_changes_nothing() throws Exception {
		assertThat(imported).hasSize(7).allSatisfy((record) -> assertThat(record.appended()).isPositive());
		List<SeedRecords.Imported> again = new SeedRecords(sides.commandSideAt("/"), "importer", "importer")
			.importAll(SEEDS);
		assertThat(again).allSatisfy((record) -> assertThat(record.appended()).as(record.file().toString()).isZero());
	}

	@Test
	void the_parenting_support_strategy_travels_through_the_bodies_in_date_order() throws Exception {
		JsonNode history = read("/api/matters/foraldraskapsstodsstrategin/history");
		List<String> path = history.get("path").findValuesAsText("bodyId");
		assertThat(path).containsSubsequence("chefsgrupp-folkhalsa", "gemensam-chefsgrupp", "lansdelsgrupp-norr",
				"chefsgrupp-folkhalsa", "lansdelsgrupp-soder", "samverkansgrupp-barn-unga");
		List<String> dates = history.get("path").findValuesAsText("from");
		assertThat(dates).isSorted();
		assertThat(history.get("steps").findValuesAsText("step")).contains("RAISED", "QUEUED", "PLACED_ON_AGENDA",
				"DISCUSSED", "DECIDED", "ASSIGNMENT_HANDED_OUT", "REFERRED", "REPORTED_BACK", "ASSIGNMENT_COMPLETED");
		assertThat(history.get("steps").findValuesAsText("recordedBy")).containsOnly("importer");
	}

	@Test
	void a_researcher_finds_the_parenting_support_strategy_in_the_register_by_a_word_or_a_body_it_passed()
			throws Exception {
		assertThat(read("/api/matters?q=f%C3%B6r%C3%A4ldraskapsst%C3%B6d").findValuesAsText("matterId"))
			.containsExactly("foraldraskapsstodsstrategin");
		JsonNode south = read("/api/matters?status=open&body=lansdelsgrupp-soder");
		assertThat(south.findValuesAsText("matterId")).contains("foraldraskapsstodsstrategin");
		assertThat(south.findValuesAsText("status")).containsOnly("OPEN");
	}

	@Test
	void the_assignments_open_after_the_meeting_of_22_may_2025_and_who_held_them() throws Exception {
		JsonNode open = read("/api/assignments?status=open");
		List<String> heldAfterMay = new ArrayList<>();
		for (JsonNode assignment : open) {
			String meeting = assignment.path("meetingId").asText();
			if (meeting.compareTo("chefsgrupp-folkhalsa-2025-05-22") <= 0
					&& meeting.startsWith("chefsgrupp-folkhalsa-2025")) {
				heldAfterMay.add(assignment.path("assignmentId").asText() + " "
						+ assignment.get("assignees").findValuesAsText("name").stream().sorted().toList());
			}
		}
		assertThat(heldAfterMay).containsExactlyInAnyOrder("chefsgrupp-folkhalsa-2025-01-22.7.a1 [Cecilia Ljung]",
				"chefsgrupp-folkhalsa-2025-05-22.5.a1 [FH-cheferna]",
				"chefsgrupp-folkhalsa-2025-05-22.6.a1 [Cathrine Bohlin]",
				"chefsgrupp-folkhalsa-2025-05-22.11.a1 [Ida Broman]",
				"chefsgrupp-folkhalsa-2025-05-22.11.a2 [Emma Lado, Jonas Karlsson]");
	}

	@Test
	void the_council_meeting_of_24_april_2020_is_cancelled_in_the_calendar() throws Exception {
		JsonNode calendar = read("/api/calendar?from=2020-04-01&to=2020-09-30&body=radet-folkhalsa");
		assertThat(calendar.findValuesAsText("meetingId")).containsExactly("radet-folkhalsa-2020-04-24",
				"radet-folkhalsa-2020-09-11");
		assertThat(calendar.get(0).get("cancelled").asBoolean()).isTrue();
		assertThat(calendar.get(0).get("cancelReason").asText())
			.contains("Nästa ordinarie möte hålls den 11 september");
		assertThat(calendar.get(1).get("cancelled").asBoolean()).isFalse();
	}

	@Test
	void the_decisions_of_22_january_2025() throws Exception {
		JsonNode decisions = read("/api/decisions?from=2025-01-22&to=2025-01-22");
		assertThat(decisions.findValuesAsText("kind")).contains("ADOPT_AGENDA", "APPROVE_PREVIOUS_MINUTES",
				"HAND_OUT_ASSIGNMENT", "REFER", "ADOPT_PROPOSAL", "OTHER");
		assertThat(decisions.findValuesAsText("text"))
			.anySatisfy((text) -> assertThat(text).contains("I och med detta är planen antagen"));
		assertThat(decisions.findValuesAsText("bodyId")).containsOnly("chefsgrupp-folkhalsa");
	}

	@Test
	void the_council_protocol_of_2024_is_dated_only_by_its_year_and_elected_a_vice_chair() throws Exception {
		JsonNode meeting = read("/api/meetings/radet-folkhalsa-2024");
		assertThat(meeting.get("datePrecision").asText()).isEqualTo("YEAR");
		assertThat(meeting.toString()).contains("Pia-Maria Johansson");
		JsonNode council = read("/api/bodies/radet-folkhalsa?on=2024-12-31");
		assertThat(council.toString()).contains("Siw Lunander").contains("VICE_CHAIR");
	}

	@Test
	void the_current_agenda_of_the_council_holds_its_deferred_item_and_its_themes() throws Exception {
		JsonNode agenda = read("/api/bodies/radet-folkhalsa/agenda?on=2025-11-01");
		assertThat(agenda.toString()).contains("Arbetssätt i Specifika samverkansrådet för folkhälsa");
		assertThat(agenda.get("deferredItems").findValuesAsText("title"))
			.contains("Arbetssätt i Specifika samverkansrådet för folkhälsa");
		assertThat(agenda.get("nextMeeting").get("meetingId").asText()).isEqualTo("radet-folkhalsa-2025-11-21");
	}

	@Test
	void the_management_group_of_2025_is_not_the_management_group_of_2020() throws Exception {
		String in2020 = read("/api/bodies/chefsgrupp-folkhalsa?on=2020-03-20").toString();
		String in2025 = read("/api/bodies/chefsgrupp-folkhalsa?on=2025-05-22").toString();
		assertThat(in2020).contains("Peter Björklund").doesNotContain("Ida Broman");
		assertThat(in2025).contains("Ida Broman").doesNotContain("Peter Björklund");
	}

	@Test
	void a_calendar_program_sees_the_cancellation_of_24_april_2020() throws Exception {
		String calendar = text("/api/calendar.ics?from=2020-04-01&to=2020-09-30&body=radet-folkhalsa");
		String unfolded = calendar.replace("\r\n ", "");
		assertThat(unfolded).startsWith("BEGIN:VCALENDAR\r\n")
			.contains("UID:radet-folkhalsa-2020-04-24@matterflow\r\n", "UID:radet-folkhalsa-2020-09-11@matterflow\r\n",
					"NAME:Specifika samverkansrådet för folkhälsa\r\n");
		assertThat(unfolded.split("BEGIN:VEVENT"))
			.filteredOn((event) -> event.contains("UID:radet-folkhalsa-2020-04-24@"))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("STATUS:CANCELLED", "Nästa ordinarie möte hålls den 11 september");
	}

	@Test
	void the_council_protocol_of_2024_reads_as_a_document() throws Exception {
		String minutes = text("/api/meetings/radet-folkhalsa-2024/minutes");
		assertThat(minutes).contains("<h1>Protokoll specifika samverkansrådet för folkhälsa</h1>", "<p>2024",
				"Ej justerat.", "Justerare: Pia-Maria Johansson", "Val av justerare",
				"Till justerare utsågs Pia-Maria Johansson, Nora kommun.",
				"<a href=\"https://www.regionorebrolan.se/siteassets/media/dokument/handlingar-och-protokoll/");
	}

	private JsonNode read(String path) throws IOException, InterruptedException {
		return JSON.readTree(text(path));
	}

	private String text(String path) throws IOException, InterruptedException {
		String separator = path.contains("?") ? "&" : "?";
		HttpResponse<String> response = this.http.send(HttpRequest
			.newBuilder(sides.querySideAt(path + separator + "position=" + position))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString("auditor:auditor".getBytes(StandardCharsets.UTF_8)))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return response.body();
	}

}
