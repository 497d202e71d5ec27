package org.matterflow.query.meetings;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.CalendarComponent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.matterflow.kernel.body.BodyEstablished;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.body.BodyKind;
import org.matterflow.kernel.meeting.*;
import org.matterflow.query.testing.EventFeeder;
import org.matterflow.query.testing.QueryIntegrationTest;
import org.matterflow.query.testing.Reader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@QueryIntegrationTest
class MeetingCalendarTest {

	@LocalServerPort
	int port;

	@Autowired
	EventFeeder feeder;

	Reader reader;

	String run;

	BodyId group;

	long established;

	@BeforeEach
	void setUp() {
		this.reader = new Reader(this.port);
		this.run = UUID.randomUUID().toString().substring(0, 8);
		this.group = BodyId.of("chefsgrupp-" + this.run);
		this.established = this.feeder.record(LocalDate.of(2025, 1, 1),
				new BodyEstablished(this.group, "Chefsgrupp folkhälsa", BodyKind.MANAGEMENT_GROUP, null, null, null));
	}

	@Test
	void a_subscribed_calendar_shows_each_meeting_with_its_time_place_and_agenda() {
		MeetingId january = MeetingId.of("januari-" + this.run);
		MeetingId may = MeetingId.of("maj-" + this.run);
		MeetingId june = MeetingId.of("juni-" + this.run);
		MeetingId autumn = MeetingId.of("hosten-" + this.run);
		long position = this.feeder.record(LocalDate.of(2025, 1, 10),
				new MeetingScheduled(january, this.group,
						new MeetingTime(LocalDate.of(2025, 1, 22), LocalTime.of(13, 0), LocalTime.of(16, 30)),
						"Länsstyrelsen, Stortorget 22, Örebro – stora konferensrummet på plan tre",
						MeetingMode.IN_PERSON, false, "Minnesanteckningar Chefsgrupp folkhälsa"),
				new AgendaItemAdded(january, AgendaItemId.of("1"), 1, "Dagordning", ItemKind.DECISION, null, List.of(),
						List.of(), List.of(), null),
				new AgendaItemAdded(january, AgendaItemId.of("2"), 2, "Föräldraskapsstödsstrategin",
						ItemKind.DISCUSSION, null, List.of(), List.of(), List.of(), null),
				new AgendaItemAdded(january, AgendaItemId.of("x"), 2, "Felaktig punkt", ItemKind.INFORMATION, null,
						List.of(), List.of(), List.of(), null),
				new AgendaItemWithdrawn(january, AgendaItemId.of("x"), "dubblett"),
				new ItemDeferred(january, AgendaItemId.of("2"), null, null, this.group, "tidsbrist"),
				new MeetingScheduled(may, this.group,
						new MeetingTime(LocalDate.of(2025, 5, 22), LocalTime.of(9, 0), null), null, MeetingMode.DIGITAL,
						false, null),
				new MeetingScheduled(june, this.group, new MeetingTime(LocalDate.of(2025, 6, 5), null, null), null,
						MeetingMode.HYBRID, true, null),
				new MeetingScheduled(autumn, this.group,
						new MeetingTime(LocalDate.of(2025, 9, 1), null, null, MeetingTime.DatePrecision.MONTH), null,
						MeetingMode.IN_PERSON, false, null));

		HttpResponse<String> response = this.reader.raw(
				"/api/calendar.ics?from=2025-01-01&to=2025-12-31&body=" + this.group.value() + "&position=" + position,
				"text/calendar");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/calendar;charset=UTF-8");
		assertThat(response.body()).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
		assertThat(response.body().split("\r\n"))
			.allSatisfy((line) -> assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
		Calendar calendar = parse(response.body());
		assertThat(value(calendar, "NAME")).isEqualTo("Chefsgrupp folkhälsa");
		assertThat(value(calendar, "METHOD")).as("a file to subscribe to, not a scheduling message (RFC 5546)")
			.isNull();
		List<Component> events = events(calendar);
		assertThat(events).extracting((event) -> value(event, "UID"))
			.containsExactly(january.value() + "@matterflow", may.value() + "@matterflow",
					june.value() + "@matterflow");

		Component first = events.get(0);
		assertThat(value(first, "SUMMARY")).isEqualTo("Chefsgrupp folkhälsa");
		assertThat(value(first, "DTSTART")).isEqualTo("20250122T120000Z");
		assertThat(value(first, "DTEND")).isEqualTo("20250122T153000Z");
		assertThat(value(first, "LOCATION"))
			.isEqualTo("Länsstyrelsen, Stortorget 22, Örebro – stora konferensrummet på plan tre");
		assertThat(value(first, "STATUS")).isEqualTo("CONFIRMED");
		assertThat(value(first, "SEQUENCE")).isEqualTo("0");
		assertThat(value(first, "DESCRIPTION")).isEqualTo(
				"Minnesanteckningar Chefsgrupp folkhälsa\nAgenda:\n1. Dagordning\n2. Föräldraskapsstödsstrategin (deferred)");

		Component second = events.get(1);
		assertThat(value(second, "DTSTART")).as("summer time, two hours ahead of UTC").isEqualTo("20250522T070000Z");
		assertThat(second.getProperty("DTEND")).isEmpty();
		assertThat(value(second, "DESCRIPTION")).isEqualTo("Digital meeting.");

		Component third = events.get(2);
		assertThat(value(third, "DTSTART")).isEqualTo("20250605");
		assertThat(third.getProperty("DTSTART").orElseThrow().getParameter("VALUE").orElseThrow().getValue())
			.isEqualTo("DATE");
		assertThat(value(third, "DTEND")).isEqualTo("20250606");
		assertThat(value(third, "STATUS")).isEqualTo("TENTATIVE");
		assertThat(value(third, "DESCRIPTION")).isEqualTo("The date is tentative.\nIn person and digital.");
	}

	@Test
	void a_rescheduled_or_cancelled_meeting_replaces_its_event_with_a_higher_sequence() {
		MeetingId april = MeetingId.of("radet-april-" + this.run);
		MeetingId september = MeetingId.of("radet-september-" + this.run);
		String path = "/api/calendar.ics?from=2020-01-01&to=2020-12-31&body=" + this.group.value() + "&position=";
		long scheduled = this.feeder.record(LocalDate.of(2020, 3, 20),
				new MeetingScheduled(april, this.group,
						new MeetingTime(LocalDate.of(2020, 4, 24), LocalTime.of(9, 0), LocalTime.of(12, 0)), null,
						MeetingMode.IN_PERSON, false, null),
				new MeetingScheduled(september, this.group, new MeetingTime(LocalDate.of(2020, 9, 4), null, null), null,
						MeetingMode.IN_PERSON, true, null));
		List<Component> before = events(parse(this.reader.raw(path + scheduled, "text/calendar").body()));

		long changed = this.feeder.record(LocalDate.of(2020, 3, 27),
				new MeetingCancelled(april, "inställt på grund av pandemin"),
				new MeetingRescheduled(september, new MeetingTime(LocalDate.of(2020, 9, 4), null, null),
						new MeetingTime(LocalDate.of(2020, 9, 11), null, null), "Digitalt", false,
						"krockar med länsdelsgruppernas möten"));
		List<Component> after = events(parse(this.reader.raw(path + changed, "text/calendar").body()));

		assertThat(after).extracting((event) -> value(event, "UID"))
			.containsExactlyElementsOf(before.stream().map((event) -> value(event, "UID")).toList());
		for (int i = 0; i < 2; i++) {
			assertThat(Integer.parseInt(value(after.get(i), "SEQUENCE")))
				.isGreaterThan(Integer.parseInt(value(before.get(i), "SEQUENCE")));
			assertThat(value(after.get(i), "LAST-MODIFIED"))
				.isGreaterThanOrEqualTo(value(before.get(i), "LAST-MODIFIED"));
		}
		assertThat(value(before.get(0), "STATUS")).isEqualTo("CONFIRMED");
		assertThat(value(after.get(0), "STATUS")).isEqualTo("CANCELLED");
		assertThat(value(after.get(0), "DTSTART")).isEqualTo("20200424T070000Z");
		assertThat(value(after.get(0), "DESCRIPTION")).isEqualTo("Cancelled: inställt på grund av pandemin");
		assertThat(value(before.get(1), "STATUS")).isEqualTo("TENTATIVE");
		assertThat(value(after.get(1), "STATUS")).isEqualTo("CONFIRMED");
		assertThat(value(after.get(1), "DTSTART")).isEqualTo("20200911");
		assertThat(value(after.get(1), "LOCATION")).isEqualTo("Digitalt");
		assertThat(value(after.get(1), "DESCRIPTION"))
			.isEqualTo("Moved from 2020-09-04: krockar med länsdelsgruppernas möten");
	}

	@Test
	void a_calendar_program_that_has_the_file_is_told_it_is_unchanged_until_the_record_changes() {
		MeetingId june = MeetingId.of("radet-juni-" + this.run);
		String path = "/api/calendar.ics?from=2021-01-01&to=2021-12-31&body=" + this.group.value() + "&position=";
		long scheduled = this.feeder.record(LocalDate.of(2021, 3, 1), new MeetingScheduled(june, this.group,
				new MeetingTime(LocalDate.of(2021, 6, 10), null, null), null, MeetingMode.IN_PERSON, false, null));
		HttpResponse<String> first = this.reader.raw(path + scheduled, "text/calendar");
		String tag = first.headers().firstValue("ETag").orElseThrow();
		assertThat(first.headers().firstValue("Cache-Control")).hasValueSatisfying(
				(cache) -> assertThat(cache).contains("no-cache").contains("private").doesNotContain("no-store"));

		HttpResponse<String> unchanged = this.reader.raw(path + scheduled, "text/calendar", "If-None-Match", tag);
		assertThat(unchanged.statusCode()).isEqualTo(304);
		assertThat(unchanged.body()).isEmpty();

		long moved = this.feeder.record(LocalDate.of(2021, 3, 2),
				new MeetingRescheduled(june, new MeetingTime(LocalDate.of(2021, 6, 10), null, null),
						new MeetingTime(LocalDate.of(2021, 6, 17), null, null), null, false, "midsommar"));
		HttpResponse<String> changed = this.reader.raw(path + moved, "text/calendar", "If-None-Match", tag);
		assertThat(changed.statusCode()).isEqualTo(200);
		assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(tag);
		assertThat(changed.body()).contains("DTSTART;VALUE=DATE:20210617");
	}

	@Test
	void without_a_period_the_calendar_reaches_from_a_year_back_to_two_years_ahead() {
		LocalDate today = LocalDate.now(MeetingTime.ZONE);
		MeetingId soon = MeetingId.of("snart-" + this.run);
		MeetingId lastYear = MeetingId.of("ifjol-" + this.run);
		MeetingId tooEarly = MeetingId.of("for-tidigt-" + this.run);
		MeetingId tooLate = MeetingId.of("for-sent-" + this.run);
		long position = this.feeder.record(today,
				new MeetingScheduled(soon, this.group, new MeetingTime(today.plusMonths(1), null, null), null,
						MeetingMode.IN_PERSON, false, null),
				new MeetingScheduled(lastYear, this.group, new MeetingTime(today.minusMonths(11), null, null), null,
						MeetingMode.IN_PERSON, false, null),
				new MeetingScheduled(tooEarly, this.group, new MeetingTime(today.minusMonths(13), null, null), null,
						MeetingMode.IN_PERSON, false, null),
				new MeetingScheduled(tooLate, this.group, new MeetingTime(today.plusMonths(25), null, null), null,
						MeetingMode.IN_PERSON, false, null));

		HttpResponse<String> response = this.reader
			.raw("/api/calendar.ics?body=" + this.group.value() + "&position=" + position, "*/*");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(events(parse(response.body()))).extracting((event) -> value(event, "UID"))
			.containsExactly(lastYear.value() + "@matterflow", soon.value() + "@matterflow");
	}

	@Test
	void a_period_without_meetings_is_a_valid_calendar_without_events() {
		HttpResponse<String> response = this.reader.raw("/api/calendar.ics?from=1990-01-01&to=1990-12-31&body="
				+ this.group.value() + "&position=" + this.established, "text/calendar");

		assertThat(response.statusCode()).isEqualTo(200);
		Calendar calendar = parse(response.body());
		assertThat(events(calendar)).isEmpty();
		assertThat(calendar.getComponents(Component.VTIMEZONE)).hasSize(1);
		assertThat(value(calendar, "X-WR-TIMEZONE")).isEqualTo("Europe/Stockholm");
	}

	@Test
	void the_annual_wheel_asked_for_without_its_period_is_refused_naming_what_it_needs() {
		Reader.Response response = this.reader.get("/api/calendar?to=2025-12-31");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body().get("code").asText()).as("as every refusal has").isEqualTo("INVALID_REQUEST");
		assertThat(response.body().get("detail").asText()).contains("'from'");
	}

	@Test
	void a_period_that_ends_before_it_starts_is_refused_with_a_problem() {
		HttpResponse<String> response = this.reader.raw("/api/calendar.ics?from=2025-12-31&to=2025-01-01",
				"text/calendar");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("before it starts");
	}

	@Test
	void a_malformed_day_is_refused_with_a_problem_that_says_how_a_day_is_written() throws Exception {
		HttpResponse<String> response = this.reader.raw("/api/calendar.ics?from=22-01-2025", "text/calendar");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = new ObjectMapper().readTree(response.body());
		assertThat(problem.get("detail").asText()).isEqualTo(
				"the parameter 'from' cannot be read from '22-01-2025': it must be a date as YYYY-MM-DD, such as 2025-05-22");
		assertThat(problem.at("/errors/0/field").asText()).isEqualTo("from");
		assertThat(problem.at("/errors/0/message").asText()).isEqualTo(problem.get("detail").asText());
	}

	@Test
	void the_calendar_of_an_unknown_body_is_not_found() {
		HttpResponse<String> response = this.reader.raw("/api/calendar.ics?body=ingen-" + this.run, "text/calendar");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void the_calendar_needs_a_signed_in_reader() {
		HttpResponse<String> response = new Reader(this.port, null).raw("/api/calendar.ics", "text/calendar");

		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void long_lines_are_folded_at_75_octets_never_inside_a_character() {
		String value = "Länsdelsgrupp söder – återrapport om föräldraskapsstöd 🙂 och åtaganden i länsdelarna";
		String folded = MeetingCalendar.foldedByOctets("BEGIN:VEVENT\r\nSUMMARY:" + value + "\r\nEND:VEVENT\r\n");

		assertThat(folded.split("\r\n")).hasSizeGreaterThan(3)
			.allSatisfy((line) -> assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
		assertThat(folded.replace("\r\n ", "")).isEqualTo("BEGIN:VEVENT\r\nSUMMARY:" + value + "\r\nEND:VEVENT\r\n");
		assertThat(new String(folded.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(folded);
		assertThat(MeetingCalendar.foldedByOctets(folded)).as("folding again changes nothing").isEqualTo(folded);
	}

	/** The answer read back, which must be valid as RFC 5545 has it. */
	private static Calendar parse(String text) {
		Calendar calendar;
		try {
			calendar = new CalendarBuilder().build(new StringReader(text));
		}
		catch (Exception ex) {
			throw new AssertionError("not iCalendar: " + text, ex);
		}
		assertThat(calendar.validate().getEntries()).as("validation of " + text).isEmpty();
		return calendar;
	}

	private static List<Component> events(Calendar calendar) {
		List<CalendarComponent> events = calendar.getComponents(Component.VEVENT);
		return List.copyOf(events);
	}

	private static String value(Component component, String name) {
		return component.getProperty(name).map(Property::getValue).orElse(null);
	}

	private static String value(Calendar calendar, String name) {
		return calendar.getProperty(name).map(Property::getValue).orElse(null);
	}

}
