package org.matterflow.query.decisions;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.matterflow.kernel.meeting.AgendaItemAdded;
import org.matterflow.kernel.meeting.AgendaItemId;
import org.matterflow.kernel.meeting.AgendaItemRenamed;
import org.matterflow.kernel.meeting.DecisionId;
import org.matterflow.kernel.meeting.DecisionKind;
import org.matterflow.kernel.meeting.DecisionRevised;
import org.matterflow.kernel.meeting.DecisionTaken;
import org.matterflow.kernel.meeting.DecisionWithdrawn;
import org.matterflow.kernel.meeting.ItemKind;
import org.matterflow.kernel.meeting.MeetingId;
import org.matterflow.kernel.meeting.MeetingMode;
import org.matterflow.kernel.meeting.MeetingOpened;
import org.matterflow.kernel.meeting.MeetingScheduled;
import org.matterflow.kernel.meeting.MeetingTime;
import org.matterflow.query.testing.EventFeeder;
import org.matterflow.query.testing.QueryIntegrationTest;
import org.matterflow.query.testing.Reader;
import org.matterflow.query.testing.Story;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@QueryIntegrationTest
class DecisionsReadModelTest {

	@LocalServerPort
	int port;

	@Autowired
	EventFeeder feeder;

	Story story;

	Reader reader;

	long position;

	@BeforeEach
	void setUp() {
		this.story = new Story(UUID.randomUUID().toString().substring(0, 8));
		this.position = this.story.record(this.feeder);
		this.reader = new Reader(this.port);
	}

	@Test
	void the_register_lists_the_decisions_of_a_body_in_a_period() {
		JsonNode january = this.reader.json("/api/decisions?body=" + this.story.management.value()
				+ "&from=2025-01-01&to=2025-01-31&position=" + this.position);
		assertThat(january).hasSize(1);
		assertThat(january.at("/0/date").asText()).isEqualTo("2025-01-22");
		assertThat(january.at("/0/itemTitle").asText()).isEqualTo("Föräldraskapsstödsstrategin");
		assertThat(january.at("/0/kind").asText()).isEqualTo("HAND_OUT_ASSIGNMENT");
		assertThat(january.at("/0/bodyName").asText()).isEqualTo("Chefsgrupp folkhälsa");
	}

	@Test
	void a_decision_of_a_protocol_dated_only_to_its_year_is_listed_with_the_precision_of_its_date() {
		MeetingId council = MeetingId.of("radet-2024-" + this.story.run);
		long decided = this.feeder.recordInYear("importer", 2024,
				new MeetingScheduled(council, this.story.management,
						new MeetingTime(LocalDate.of(2024, 1, 1), null, null, MeetingTime.DatePrecision.YEAR), null,
						MeetingMode.IN_PERSON, false, null),
				new AgendaItemAdded(council, AgendaItemId.of("3"), 1, "Godkännande av dagordning", ItemKind.DECISION,
						null, List.of(), List.of(), List.of(), null),
				new MeetingOpened(council), new DecisionTaken(council, DecisionId.of("d-3"), AgendaItemId.of("3"), null,
						DecisionKind.ADOPT_AGENDA, "Dagordningen fastställdes."));

		JsonNode listed = this.reader.json("/api/decisions?body=" + this.story.management.value()
				+ "&from=2024-01-01&to=2025-01-31&position=" + decided);
		assertThat(listed.findValuesAsText("date")).containsExactly("2024-01-01", "2025-01-22");
		assertThat(listed.findValuesAsText("datePrecision")).containsExactly("YEAR", "DAY");
	}

	@Test
	void the_register_finds_decisions_by_words_and_shows_corrections() {
		JsonNode found = this.reader.json(
				"/api/decisions?body=" + this.story.management.value() + "&q=arbetsgruppen&position=" + this.position);
		assertThat(found.findValuesAsText("meetingId")).containsExactly(this.story.may.value());
		assertThat(found.at("/0/text").asText()).isEqualTo("Arbetsgruppens uppdrag beslutades");
		assertThat(found.at("/0/correctedText").asText()).endsWith("med tillägg om länsdelarna");

		assertThat(this.reader
			.json("/api/decisions?body=" + this.story.management.value() + "&q=l%C3%A4nsdel&position=" + this.position)
			.findValuesAsText("meetingId")).as("a part of a word of the corrected text: länsdelarna")
			.containsExactly(this.story.may.value());
		assertThat(this.reader
			.json("/api/decisions?body=" + this.story.management.value() + "&q=f%C3%B6r%C3%A4ldraskap&position="
					+ this.position)
			.findValuesAsText("meetingId")).as("a part of the item's title: Föräldraskapsstödsstrategin")
			.containsExactly(this.story.january.value(), this.story.may.value());
		assertThat(this.reader
			.json("/api/decisions?body=" + this.story.management.value() + "&q=l%C3%A4nsdelen%20strategi&position="
					+ this.position)
			.findValuesAsText("meetingId"))
			.as("one word by its stem (länsdelarna), the other within a compound (Föräldraskapsstödsstrategin)")
			.containsExactly(this.story.may.value());
	}

	@Test
	void a_decision_revised_before_adjustment_reads_and_is_found_by_its_new_text_everywhere() {
		long revised = this.feeder.record(java.time.LocalDate.of(2025, 1, 22), new DecisionRevised(this.story.january,
				DecisionId.of("d-4"), "Linn Karlsson får i uppdrag att ta fram en budget", "fel person"));

		String january = "/api/decisions?body=" + this.story.management.value() + "&from=2025-01-01&to=2025-01-31";
		JsonNode register = this.reader.json(january + "&position=" + revised);
		assertThat(register.at("/0/text").asText()).startsWith("Linn Karlsson");
		assertThat(register.at("/0/correctedText").isNull()).as("a revision is not a correction").isTrue();
		assertThat(this.reader.json(january + "&q=budget").findValuesAsText("decisionId"))
			.as("found by a word of the revised text")
			.containsExactly("d-4");
		assertThat(this.reader.json(january + "&q=deepa")).as("no longer by a word only the first text held").isEmpty();

		JsonNode meeting = this.reader.json("/api/meetings/" + this.story.january.value());
		assertThat(meeting.at("/agenda/0/decisions/0/text").asText()).startsWith("Linn Karlsson");

		JsonNode history = this.reader.json("/api/matters/" + this.story.strategy.value() + "/history");
		JsonNode step = Reader.firstStep(history.get("steps"), "REVISED");
		assertThat(step.get("decisionId").asText()).isEqualTo("d-4");
		assertThat(step.get("itemId").asText()).isEqualTo("4");
		assertThat(step.at("/details/original").asText())
			.isEqualTo("Deepa får fortsatt uppdrag att återkomma med ett förslag");
		assertThat(step.at("/details/revision").asText()).startsWith("Linn Karlsson");
		assertThat(step.at("/details/reason").asText()).isEqualTo("fel person");
		assertThat(history.get("steps").findValuesAsText("summary"))
			.as("the first text stays in the trail beside its revision")
			.contains("Deepa får fortsatt uppdrag att återkomma med ett förslag");
	}

	@Test
	void an_item_renamed_before_adjustment_lists_its_decisions_under_its_new_title_and_is_found_by_it() {
		long renamed = this.feeder.record(java.time.LocalDate.of(2025, 1, 22), new AgendaItemRenamed(this.story.january,
				AgendaItemId.of("4"), this.story.strategy, "Föräldraskapsstöd, uppföljning", "stavfel"));

		String management = "/api/decisions?body=" + this.story.management.value();
		JsonNode january = this.reader.json(management + "&from=2025-01-01&to=2025-01-31&position=" + renamed);
		assertThat(january.at("/0/itemTitle").asText()).isEqualTo("Föräldraskapsstöd, uppföljning");
		assertThat(this.reader.json(management + "&q=uppf%C3%B6ljning").findValuesAsText("meetingId"))
			.as("found by a word of the new title")
			.containsExactly(this.story.january.value());
		assertThat(this.reader.json(management + "&q=strategin").findValuesAsText("meetingId"))
			.as("no longer by a word only the old title held; the other meeting's item still has it")
			.containsExactly(this.story.may.value());
		assertThat(this.reader.json(management + "&q=deepa").findValuesAsText("meetingId"))
			.as("still by the decision's own text")
			.containsExactly(this.story.january.value());

		assertThat(this.reader.json("/api/meetings/" + this.story.january.value()).at("/agenda/0/title").asText())
			.isEqualTo("Föräldraskapsstöd, uppföljning");

		JsonNode steps = this.reader.json("/api/matters/" + this.story.strategy.value() + "/history").get("steps");
		JsonNode step = Reader.firstStep(steps, "ITEM_RENAMED");
		assertThat(step.get("meetingId").asText()).isEqualTo(this.story.january.value());
		assertThat(step.get("itemId").asText()).isEqualTo("4");
		assertThat(step.at("/details/previousTitle").asText()).isEqualTo("Föräldraskapsstödsstrategin");
		assertThat(step.at("/details/reason").asText()).isEqualTo("stavfel");
		assertThat(steps.get(1).get("step").asText()).isEqualTo("PLACED_ON_AGENDA");
		assertThat(steps.get(1).get("summary").asText()).as("the step that placed it keeps the title it had then")
			.isEqualTo("Föräldraskapsstödsstrategin");
	}

	@Test
	void a_decision_taken_back_leaves_the_register_and_the_meeting_and_stays_in_the_trail() {
		long withdrawn = this.feeder.record(java.time.LocalDate.of(2025, 1, 22), new DecisionWithdrawn(
				this.story.january, DecisionId.of("d-4"), AgendaItemId.of("4"), this.story.strategy, "fel möte"));

		assertThat(this.reader.json("/api/decisions?body=" + this.story.management.value()
				+ "&from=2025-01-01&to=2025-01-31&position=" + withdrawn))
			.isEmpty();
		assertThat(this.reader.json("/api/meetings/" + this.story.january.value()).at("/agenda/0/decisions")).isEmpty();
		JsonNode steps = this.reader.json("/api/matters/" + this.story.strategy.value() + "/history").get("steps");
		assertThat(steps.findValuesAsText("step")).containsSubsequence("DECIDED", "DECISION_WITHDRAWN");
		JsonNode step = Reader.firstStep(steps, "DECISION_WITHDRAWN");
		assertThat(step.get("decisionId").asText()).isEqualTo("d-4");
		assertThat(step.get("summary").asText()).isEqualTo("fel möte");
	}

	@Test
	void the_register_is_read_page_by_page_by_following_its_next_links() {
		String management = "/api/decisions?body=" + this.story.management.value();
		Reader.Response whole = this.reader.get(management + "&position=" + this.position);
		assertThat(whole.next()).as("all of it on one page").isNull();
		assertThat(whole.body().size()).isGreaterThan(1);

		assertThat(this.reader.onePerPage(management + "&limit=1", whole.body().size()))
			.containsExactlyElementsOf(whole.body());

		for (String cursor : new String[] { "yesterday", "2025-01-22", "2025-01-22_x", "_12" }) {
			Reader.Response refused = this.reader.get(management + "&after=" + cursor);
			assertThat(refused.status()).as(cursor).isEqualTo(400);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.body().get("detail").asText()).contains("cursor of a next link");
		}
	}

	@Test
	void the_register_filters_by_kind_and_matter() {
		JsonNode adopted = this.reader.json("/api/decisions?kind=ADOPT_PROPOSAL&matter=" + this.story.strategy.value()
				+ "&position=" + this.position);
		assertThat(adopted.findValuesAsText("date")).containsExactly("2025-05-22");
		assertThat(this.reader.get("/api/decisions?kind=SOMETHING").status()).isEqualTo(400);
	}

	@Test
	void a_search_of_more_than_thirty_two_different_words_is_refused() {
		String words = IntStream.range(0, 32).mapToObj((i) -> "ord" + i).collect(Collectors.joining("%20"));
		assertThat(this.reader.get("/api/decisions?q=" + words + "%20ord0%20ORD1").status())
			.as("32 different words, two of them again")
			.isEqualTo(200);
		for (String register : new String[] { "/api/decisions", "/api/matters" }) {
			Reader.Response refused = this.reader.get(register + "?q=" + words + "%20ord32");
			assertThat(refused.status()).as(register).isEqualTo(400);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.body().get("detail").asText())
				.isEqualTo("q must hold at most 32 different words, but held 33");
		}
	}

	@Test
	void a_misspelt_filter_is_refused_rather_than_answered_with_the_whole_register() {
		String body = this.story.management.value();
		String[][] misspelt = {
				{ "/api/decisions?bdy=" + body, "bdy",
						"its parameters are after, body, from, kind, limit, matter, position, q, to" },
				{ "/api/matters?stauts=closed", "stauts",
						"its parameters are after, body, limit, position, q, raisedFrom, raisedTo, reference, status" },
				{ "/api/assignments?status=all&asignee=p-1", "asignee",
						"its parameters are after, assignee, body, dueBefore, limit, matter, needsNewDue, overdue, position, q, status" } };
		for (String[] query : misspelt) {
			Reader.Response refused = this.reader.get(query[0] + "&position=" + this.position);
			assertThat(refused.status()).as(query[0]).isEqualTo(400);
			assertThat(refused.body().get("code").asText()).isEqualTo("INVALID_REQUEST");
			assertThat(refused.body().get("detail").asText()).as(query[0])
				.isEqualTo("the parameter '" + query[1] + "' is not part of this query; " + query[2]);
			assertThat(refused.body().get("errors").get(0).get("field").asText()).isEqualTo(query[1]);
		}
		Reader.Response twice = this.reader
			.get("/api/decisions?body=" + body + "&body=other&position=" + this.position);
		assertThat(twice.status()).as("a filter of one value given twice").isEqualTo(400);
		assertThat(twice.body().get("detail").asText())
			.isEqualTo("the parameter 'body' is given 2 times; this query takes one body");
		assertThat(this.reader.get("/api/decisions?body=" + body + "&body=&position=" + this.position).status())
			.as("once with a value and once empty, as a form sends it")
			.isEqualTo(200);
		assertThat(this.reader.raw("/api/decisions?body=" + body + "&format=csv&position=" + this.position, "*/*")
			.statusCode()).as("the list as CSV").isEqualTo(200);
	}

	@Test
	void a_filter_sent_empty_as_a_form_sends_a_blank_field_filters_nothing() {
		String body = this.story.management.value();
		for (String list : new String[] { "/api/decisions?body=" + body + "&position=" + this.position,
				"/api/matters?body=" + body + "&position=" + this.position,
				"/api/assignments?status=all&body=" + body + "&position=" + this.position }) {
			JsonNode filtered = this.reader.json(list);
			assertThat(filtered).as(list).isNotEmpty();
			assertThat(this.reader.json(list + "&matter=&q=&reference=&assignee=&kind=")).as(list + " and blanks")
				.isEqualTo(filtered);
			assertThat(this.reader.json(list.replace("body=" + body, "body=%20" + body + "%20")))
				.as(list + " with spaces around the body")
				.isEqualTo(filtered);
		}
	}

	@Test
	void a_period_that_ends_before_it_starts_is_refused_rather_than_answered_with_nothing() {
		for (String query : new String[] { "/api/decisions?from=2025-05-22&to=2025-01-22",
				"/api/matters?raisedFrom=2025-05-22&raisedTo=2025-01-22",
				"/api/calendar?from=2025-05-22&to=2025-01-22" }) {
			Reader.Response refused = this.reader.get(query);
			assertThat(refused.status()).as(query).isEqualTo(400);
			assertThat(refused.contentType()).as(query).startsWith("application/problem+json");
			assertThat(refused.body().get("detail").asText()).as(query)
				.isEqualTo("the period ends (2025-01-22) before it starts (2025-05-22)");
		}
		assertThat(this.reader.get("/api/decisions?from=2025-05-22&to=2025-05-22").status()).as("one day")
			.isEqualTo(200);
	}

	@Test
	void a_parameter_holding_the_nul_character_is_refused_rather_than_failing_in_the_database() {
		for (String query : new String[] { "/api/decisions?body=%00", "/api/matters?q=a%00b",
				"/api/assignments?assignee=%00", "/api/events?body=%00", "/api/calendar?body=%00" }) {
			Reader.Response refused = this.reader.get(query);
			assertThat(refused.status()).as(query).isEqualTo(400);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.body().get("detail").asText()).as(query).endsWith("must not hold the character U+0000");
		}
	}

}
