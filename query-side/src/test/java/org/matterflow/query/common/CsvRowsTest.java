package org.matterflow.query.common;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.matterflow.kernel.body.BodyEstablished;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.body.BodyKind;
import org.matterflow.kernel.meeting.*;
import org.matterflow.query.testing.EventFeeder;
import org.matterflow.query.testing.QueryIntegrationTest;
import org.matterflow.query.testing.Reader;
import org.matterflow.query.testing.Story;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

import static org.assertj.core.api.Assertions.assertThat;

@QueryIntegrationTest
class CsvRowsTest {

	@LocalServerPort
	int port;

	@Autowired
	EventFeeder feeder;

	Reader reader;

	String run;

	BodyId group;

	long position;

	@BeforeEach
	void setUp() {
		this.reader = new Reader(this.port);
		this.run = UUID.randomUUID().toString().substring(0, 8);
		this.group = BodyId.of("grupp-" + this.run);
		MeetingId meeting = MeetingId.of("mote-" + this.run);
		AgendaItemId item = AgendaItemId.of("3");
		LocalDate day = LocalDate.of(2025, 5, 22);
		this.position = this.feeder.record(day,
				new BodyEstablished(this.group, "Chefsgrupp folkhälsa", BodyKind.MANAGEMENT_GROUP, null, null, null),
				new MeetingScheduled(meeting, this.group, new MeetingTime(day, null, null), null, MeetingMode.IN_PERSON,
						false, null),
				new AgendaItemAdded(meeting, item, 1, "Budget, \"preliminär\"", ItemKind.DECISION, null, List.of(),
						List.of(), List.of(), null),
				new DecisionTaken(meeting, DecisionId.of("d-1"), item, null, DecisionKind.ADOPT_PROPOSAL,
						"Gruppen beslutade, enligt förslaget, att\n1. anta budgeten\n2. återkomma i juni"),
				new DecisionTaken(meeting, DecisionId.of("d-2"), item, null, DecisionKind.OTHER,
						"=HYPERLINK(\"https://example.invalid\";\"klicka\")"));
	}

	@Test
	void the_decision_register_reads_as_csv_with_the_json_answers_fields_as_columns() {
		HttpResponse<String> response = this.reader
			.raw("/api/decisions?body=" + this.group.value() + "&position=" + this.position, "text/csv");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
		assertThat(response.headers().firstValue("Content-Disposition"))
			.hasValue("attachment; filename=\"decisions.csv\"");
		assertThat(response.body())
			.startsWith("decisionId,bodyId,bodyName,meetingId,date,datePrecision,itemId,itemTitle,matterId,"
					+ "kind,text,correctedText,correctionReason\r\n");
		List<Map<String, String>> rows = parse(response.body());
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0)).containsEntry("decisionId", "d-1")
			.containsEntry("bodyName", "Chefsgrupp folkhälsa")
			.containsEntry("date", "2025-05-22")
			.containsEntry("itemTitle", "Budget, \"preliminär\"")
			.containsEntry("text", "Gruppen beslutade, enligt förslaget, att\n1. anta budgeten\n2. återkomma i juni")
			.containsEntry("matterId", "");
		assertThat(rows.get(1).get("text")).as("not a formula in a spreadsheet")
			.isEqualTo("'=HYPERLINK(\"https://example.invalid\";\"klicka\")");
	}

	@Test
	void format_csv_asks_for_it_where_a_program_cannot_set_accept() {
		HttpResponse<String> response = this.reader
			.raw("/api/decisions?format=csv&body=" + this.group.value() + "&position=" + this.position, "*/*");

		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
		assertThat(parse(response.body())).hasSize(2);
	}

	@Test
	void a_client_that_accepts_anything_still_gets_json() {
		HttpResponse<String> response = this.reader
			.raw("/api/decisions?body=" + this.group.value() + "&position=" + this.position, "*/*");

		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.headers().firstValue("Content-Disposition")).isEmpty();
		assertThat(response.body()).startsWith("[{");
	}

	@Test
	void a_paged_register_keeps_its_next_link_in_csv() {
		HttpResponse<String> first = this.reader
			.raw("/api/decisions?format=csv&limit=1&body=" + this.group.value() + "&position=" + this.position, "*/*");

		assertThat(parse(first.body())).hasSize(1);
		assertThat(first.headers().firstValue("Link"))
			.hasValueSatisfying((link) -> assertThat(link).contains("format=csv", "after=", "rel=\"next\""));
	}

	@Test
	void nested_values_are_their_json_text() {
		Story story = new Story(this.run);
		long recorded = story.record(this.feeder);

		List<Map<String, String>> rows = parse(this.reader
			.raw("/api/assignments?status=all&body=" + story.management.value() + "&position=" + recorded, "text/csv")
			.body());

		assertThat(rows).isNotEmpty()
			.allSatisfy((row) -> assertThat(row.get("assignees")).startsWith("[{").endsWith("}]"));
	}

	@Test
	void an_empty_list_is_its_header_alone_the_same_as_a_full_ones() {
		Story story = new Story(this.run);
		long recorded = story.record(this.feeder);

		for (String list : List.of("/api/decisions?body=%s", "/api/matters?body=%s",
				"/api/assignments?status=all&body=%s", "/api/calendar?from=2025-01-01&to=2025-12-31&body=%s")) {
			String full = this.reader
				.raw(list.formatted(story.management.value()) + "&position=" + recorded, "text/csv")
				.body();
			HttpResponse<String> empty = this.reader.raw(list.formatted("ingen-" + this.run), "text/csv");

			assertThat(parse(full)).as(list).isNotEmpty();
			assertThat(empty.statusCode()).isEqualTo(200);
			assertThat(empty.body()).as(list).isEqualTo(full.substring(0, full.indexOf("\r\n") + 2));
			assertThat(parse(empty.body())).isEmpty();
		}
	}

	@Test
	void refusals_stay_problems_and_what_is_not_a_list_is_not_csv() {
		HttpResponse<String> refused = this.reader.raw("/api/decisions?limit=0", "text/csv");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");

		HttpResponse<String> notAList = this.reader
			.raw("/api/bodies/" + this.group.value() + "/agenda?position=" + this.position, "text/csv");
		assertThat(notAList.statusCode()).isEqualTo(406);
		assertThat(notAList.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(notAList.body()).contains("\"code\":\"INVALID_REQUEST\"")
			.contains("\"detail\":\"this address answers in application/json or application/yaml, not text/csv\"");
	}

	@Test
	void only_cells_a_spreadsheet_would_run_get_a_leading_quote() {
		assertThat(CsvRows.cell("=1+1")).isEqualTo("'=1+1");
		assertThat(CsvRows.cell("+46 19 60 20 00")).isEqualTo("'+46 19 60 20 00");
		assertThat(CsvRows.cell("-punkt")).isEqualTo("'-punkt");
		assertThat(CsvRows.cell("@summa")).isEqualTo("'@summa");
		assertThat(CsvRows.cell("\tx")).isEqualTo("'\tx");
		assertThat(CsvRows.cell("Planen antogs = klar")).isEqualTo("Planen antogs = klar");
		assertThat(CsvRows.cell(42)).isEqualTo("42");
		assertThat(CsvRows.cell(null)).isEmpty();
		assertThat(CsvRows.cell(List.of(Map.of("name", "Linn")))).isEqualTo("[{\"name\":\"Linn\"}]");
	}

	private static List<Map<String, String>> parse(String csv) {
		try (MappingIterator<Map<String, String>> rows = CsvMapper.builder()
			.build()
			.readerForMapOf(String.class)
			.with(CsvSchema.emptySchema().withHeader())
			.readValues(csv)) {
			return rows.readAll();
		}
	}

}
