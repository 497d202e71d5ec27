package org.matterflow.query.meetings;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.matterflow.kernel.DocumentRef;
import org.matterflow.kernel.PersonId;
import org.matterflow.kernel.assignment.Assignee;
import org.matterflow.kernel.assignment.AssignmentHandedOut;
import org.matterflow.kernel.assignment.AssignmentId;
import org.matterflow.kernel.assignment.AssignmentKind;
import org.matterflow.kernel.assignment.Due;
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

import static org.assertj.core.api.Assertions.assertThat;

@QueryIntegrationTest
class MinutesDocumentTest {

	@LocalServerPort
	int port;

	@Autowired
	EventFeeder feeder;

	Reader reader;

	String run;

	BodyId council;

	@BeforeEach
	void setUp() {
		this.reader = new Reader(this.port);
		this.run = UUID.randomUUID().toString().substring(0, 8);
		this.council = BodyId.of("radet-" + this.run);
		this.feeder.record(LocalDate.of(2024, 1, 1), new BodyEstablished(this.council,
				"Specifika samverkansrådet för folkhälsa", BodyKind.COUNCIL, null, null, null));
	}

	@Test
	void adjusted_minutes_read_as_a_protocol_with_the_items_numbered_as_held_and_the_corrections_after_them() {
		MeetingId meeting = MeetingId.of("radet-2024-" + this.run);
		AgendaItemId opening = AgendaItemId.of("1");
		AgendaItemId plan = AgendaItemId.of("8");
		AgendaItemId mistake = AgendaItemId.of("x");
		AgendaItemId themes = AgendaItemId.of("13");
		long position = this.feeder
			.record(LocalDate.of(2024, 11, 15),
					new MeetingScheduled(meeting, this.council,
							new MeetingTime(LocalDate.of(2024, 11, 15), LocalTime.of(9, 0), LocalTime.of(12, 0)),
							"Region Örebro län", MeetingMode.HYBRID, false, null),
					new AgendaItemAdded(meeting, opening, 1, "Mötet öppnas", ItemKind.INFORMATION, null, List.of(),
							List.of(), List.of(), null),
					new AgendaItemAdded(meeting, mistake, 2, "Felaktig punkt", ItemKind.INFORMATION, null, List.of(),
							List.of(), List.of(), null),
					new AgendaItemAdded(meeting, plan, 3, "Samverkansplan <för> god & jämlik hälsa", ItemKind.DECISION,
							null, List.of("Deepa Singhru"), List.of(), List.of(), null),
					new AgendaItemAdded(meeting, themes, 4, "Teman för kommande möten", ItemKind.DISCUSSION, null,
							List.of(), List.of(), List.of(), null),
					new AgendaItemWithdrawn(meeting, mistake, "dubblett"),
					new DocumentAttached(meeting, plan,
							new DocumentRef("Samverkansplanen", "https://documents.example/plan.pdf")),
					new DocumentAttached(meeting, plan, new DocumentRef("Skript", "javascript:alert(1)")),
					new MeetingOpened(meeting),
					new AttendanceRecorded(meeting, PersonId.of("anna"), "Anna Andersson", "Länsstyrelsen",
							AttendanceStatus.PRESENT, List.of()),
					new AttendanceRecorded(meeting, PersonId.of("bo"), "Bo Berg", "Lekebergs kommun",
							AttendanceStatus.DIGITAL, List.of()),
					new AttendanceRecorded(meeting, PersonId.of("deepa"), "Deepa Singhru", null, AttendanceStatus.GUEST,
							List.of(plan)),
					new AttendanceRecorded(meeting, PersonId.of("carl"), "Carl Ceder", "Nora kommun",
							AttendanceStatus.ABSENT, List.of()),
					new MinutesAdjusterAppointed(meeting, PersonId.of("anna"), "Anna Andersson"),
					new ItemDiscussed(meeting, plan, null, "Planen presenterades.\nFrågor om uppföljning."),
					new DecisionTaken(meeting, DecisionId.of("d-8"), plan, null, DecisionKind.ADOPT_PROPOSAL,
							"Rådet ställer sig bakom planen <script>alert(1)</script>"),
					new ItemDeferred(meeting, themes, null, null, null, "låg närvaro"), new MeetingClosed(meeting),
					new MinutesAdjusted(meeting, LocalDate.of(2024, 11, 22), List.of("Anna Andersson")),
					new MinutesCorrected(meeting, CorrectionId.of("c-1"), plan, DecisionId.of("d-8"), "beslut d-8",
							"Rådet antar planen", "fel ordalydelse"));

		HttpResponse<String> response = this.reader
			.raw("/api/meetings/" + meeting.value() + "/minutes?position=" + position, "text/html");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
		assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				(policy) -> assertThat(policy).contains("default-src 'none'").doesNotContain("script-src"));
		String html = response.body();
		assertThat(html).startsWith("<!DOCTYPE html>")
			.contains("<h1>Protokoll</h1>", "Specifika samverkansrådet för folkhälsa",
					"fredag 15 november 2024, kl. 09.00–12.00", "Region Örebro län", "<br>På plats och digitalt</p>",
					"Justerat 2024-11-22 av Anna Andersson.", "Justerare: Anna Andersson");
		assertThat(html).contains("Närvarande:</span> Anna Andersson, Länsstyrelsen",
				"Deltog digitalt:</span> Bo Berg, Lekebergs kommun", "Gäster:</span> Deepa Singhru (§ 2)",
				"Frånvarande:</span> Carl Ceder, Nora kommun");
		assertThat(html).as("numbered as held, the withdrawn item never on it")
			.contains("§ 1 Mötet öppnas", "§ 2 Samverkansplan &lt;för&gt; god &amp; jämlik hälsa",
					"§ 3 Teman för kommande möten")
			.doesNotContain("Felaktig punkt");
		assertThat(html)
			.contains("Föredragande:</span> Deepa Singhru", "Planen presenterades.\nFrågor om uppföljning.",
					"Beslut:</span> Rådet ställer sig bakom planen &lt;script&gt;alert(1)&lt;/script&gt;",
					"Ärendet bordlades. låg närvaro")
			.doesNotContain("<script>");
		assertThat(html)
			.contains("<a href=\"https://documents.example/plan.pdf\">Samverkansplanen</a>",
					"Skript (javascript:alert(1))")
			.doesNotContain("href=\"javascript:");
		assertThat(html.substring(html.indexOf("<h2>Rättelser</h2>"))).contains("§ 2", "beslut d-8: Rådet antar planen",
				"Skäl:</span> fel ordalydelse", " av secretary.");
		assertThat(html.indexOf("Rådet ställer sig bakom planen")).as("the record as adjusted, then the correction")
			.isLessThan(html.indexOf("Rådet antar planen"));
	}

	@Test
	void before_the_meeting_the_document_is_its_notice_with_the_agenda() {
		MeetingId meeting = MeetingId.of("radet-2025-" + this.run);
		long position = this.feeder.record(LocalDate.of(2025, 1, 10),
				new MeetingScheduled(meeting, this.council, new MeetingTime(LocalDate.of(2025, 3, 14), null, null),
						null, MeetingMode.DIGITAL, true, null),
				new AgendaItemAdded(meeting, AgendaItemId.of("1"), 1, "Mötet öppnas", ItemKind.INFORMATION, null,
						List.of(), List.of(), List.of(), null));

		String html = this.reader.raw("/api/meetings/" + meeting.value() + "/minutes?position=" + position, "*/*")
			.body();

		assertThat(html)
			.contains("<h1>Kallelse</h1>", "fredag 14 mars 2025", "<br>Digitalt möte</p>", "Dagordning inför mötet.",
					"<h2>Dagordning</h2>", "§ 1 Mötet öppnas")
			.doesNotContain("Deltagare", "Justerat", "Ej justerat", "Rättelser");
	}

	@Test
	void minutes_with_an_adjuster_not_yet_adjusted_say_so_and_notes_without_one_do_not() {
		MeetingId protocol = MeetingId.of("radet-ej-" + this.run);
		MeetingId notes = MeetingId.of("radet-anteckningar-" + this.run);
		long position = this.feeder
			.record(LocalDate.of(2025, 2, 7),
					new MeetingScheduled(protocol, this.council, new MeetingTime(LocalDate.of(2025, 2, 7), null, null),
							null, MeetingMode.IN_PERSON, false, "Extra möte"),
					new MeetingOpened(protocol),
					new MinutesAdjusterAppointed(protocol, PersonId.of("anna"), "Anna Andersson"),
					new MeetingClosed(protocol),
					new MeetingScheduled(notes, this.council, new MeetingTime(LocalDate.of(2025, 2, 8), null, null),
							null, MeetingMode.IN_PERSON, false, null),
					new MeetingOpened(notes), new MeetingClosed(notes));

		String withAdjuster = this.reader
			.raw("/api/meetings/" + protocol.value() + "/minutes?position=" + position, "*/*")
			.body();
		String withoutAdjuster = this.reader.raw("/api/meetings/" + notes.value() + "/minutes", "*/*").body();

		assertThat(withAdjuster).contains("<h1>Extra möte</h1>", "Ej justerat.", "Justerare: Anna Andersson")
			.doesNotContain("Justerat ", "Digitalt", "Rättelser");
		assertThat(withoutAdjuster).contains("<h1>Minnesanteckningar</h1>", "lördag 8 februari 2025")
			.doesNotContain("justera", "Justera");
	}

	@Test
	void under_each_item_the_minutes_list_the_assignments_handed_out_the_reports_back_and_where_matters_were_sent() {
		Story story = new Story(this.run);
		story.record(this.feeder);
		long position = this.feeder.record(LocalDate.of(2025, 5, 22),
				new AssignmentHandedOut(AssignmentId.of("a-mandat-" + this.run), story.management, story.may,
						AgendaItemId.of("4"), story.strategy, List.of(Assignee.body(story.joint.value(), null)),
						"förankra strategin", Due.atNextMeetingOf(story.joint), AssignmentKind.MANDATE));

		String january = this.reader
			.raw("/api/meetings/" + story.january.value() + "/minutes?position=" + position, "text/html")
			.body();
		String item4 = january.substring(january.indexOf("§ 1 Föräldraskapsstödsstrategin"),
				january.indexOf("§ 2 Samverkansplan"));
		assertThat(item4).contains(
				"Uppdrag:</span> Deepa Singhru: återkomma med förslag på arbetsgrupp. Återrapporteras till mötet 22 maj 2025, till nästa möte, senast 21 maj 2025.",
				"Skickas till:</span> Gemensam chefsgrupp för förankring. lyfta på kommande gemensamma chefsgrupp");
		assertThat(january).doesNotContain("Även vid mötet");

		String may = this.reader.raw("/api/meetings/" + story.may.value() + "/minutes", "text/html").body();
		assertThat(may).contains(
				"Uppdrag:</span> Länsdelsgrupp söder: återkomma med budget. Återrapporteras senast 31 december 2099.",
				"Återrapportering:</span> återkomma med förslag på arbetsgrupp – förslag på arbetsgrupp presenterades",
				"Mandat:</span> Gemensam chefsgrupp: förankra strategin. Återrapporteras till nästa möte i Gemensam chefsgrupp.");
		assertThat(may.substring(may.indexOf("<h2>Även vid mötet</h2>"))).as("a referral recorded under no item")
			.contains(
					"Skickas till:</span> Föräldraskapsstödsstrategin – Länsdelsgrupp söder för kännedom. enheten besöker länsdelsgrupp söder");
	}

	@Test
	void the_minutes_of_an_unknown_meeting_are_not_found_as_a_problem() {
		HttpResponse<String> response = this.reader.raw("/api/meetings/ingen-" + this.run + "/minutes", "text/html");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

}
