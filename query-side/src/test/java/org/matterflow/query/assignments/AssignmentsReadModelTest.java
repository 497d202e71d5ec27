package org.matterflow.query.assignments;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.matterflow.kernel.assignment.Assignee;
import org.matterflow.kernel.assignment.AssignmentBecameOverdue;
import org.matterflow.kernel.assignment.AssignmentDueDateChanged;
import org.matterflow.kernel.assignment.AssignmentHandedOut;
import org.matterflow.kernel.assignment.AssignmentId;
import org.matterflow.kernel.assignment.AssignmentKind;
import org.matterflow.kernel.assignment.AssignmentReportedBack;
import org.matterflow.kernel.assignment.AssignmentRevised;
import org.matterflow.kernel.assignment.Due;
import org.matterflow.kernel.body.BodyDissolved;
import org.matterflow.kernel.body.BodyEstablished;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.body.BodyKind;
import org.matterflow.kernel.meeting.AgendaItemId;
import org.matterflow.kernel.meeting.MeetingCancelled;
import org.matterflow.kernel.meeting.MeetingId;
import org.matterflow.kernel.meeting.MeetingMode;
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
class AssignmentsReadModelTest {

	@LocalServerPort
	int port;

	@Autowired
	EventFeeder feeder;

	Story story;

	long position;

	Reader reader;

	@BeforeEach
	void setUp() {
		this.story = new Story(UUID.randomUUID().toString().substring(0, 8));
		this.story.record(this.feeder);
		this.position = this.feeder.record(LocalDate.of(2025, 5, 22),
				new AssignmentHandedOut(AssignmentId.of("a-linnea-" + this.story.run), this.story.management,
						this.story.may, AgendaItemId.of("4"), null,
						List.of(Assignee.person("linnea-" + this.story.run, "Linnea")), "korta ner sammanfattningen",
						Due.on(LocalDate.of(2025, 6, 5)), AssignmentKind.TASK));
		this.reader = new Reader(this.port);
	}

	@Test
	void open_assignments_leave_out_completed_ones() {
		JsonNode open = this.reader
			.json("/api/assignments?body=" + this.story.management.value() + "&position=" + this.position);
		assertThat(open.findValuesAsText("assignmentId")).containsExactly("a-linnea-" + this.story.run,
				this.story.budget.value());
	}

	@Test
	void assignments_are_found_by_the_words_of_their_description() {
		String management = "/api/assignments?status=all&body=" + this.story.management.value() + "&position="
				+ this.position + "&q=";
		assertThat(this.reader.json(management + "BUDGETEN").findValuesAsText("assignmentId"))
			.as("in capitals, inflected: återkomma med budget")
			.containsExactly(this.story.budget.value());
		assertThat(this.reader.json(management + "arbetsgrupp").findValuesAsText("assignmentId"))
			.as("completed, found with status=all")
			.containsExactly(this.story.proposal.value());
		assertThat(this.reader.json(management + "sammanfatt%20korta").findValuesAsText("assignmentId"))
			.as("a part of a word, and a word")
			.containsExactly("a-linnea-" + this.story.run);
		assertThat(this.reader.json(management + "budget%20arbetsgrupp")).as("every word asked for").isEmpty();
	}

	@Test
	void a_revised_assignment_is_listed_found_and_shown_in_its_minutes_as_it_reads_now() {
		long revised = this.feeder.record(LocalDate.of(2025, 1, 22), new AssignmentRevised(this.story.proposal,
				"återkomma med förslag på styrgrupp", "fel grupp i anteckningen"));

		String management = "/api/assignments?status=all&body=" + this.story.management.value() + "&position=" + revised
				+ "&q=";
		JsonNode found = this.reader.json(management + "styrgrupp");
		assertThat(found.findValuesAsText("assignmentId")).containsExactly(this.story.proposal.value());
		assertThat(found.at("/0/description").asText()).isEqualTo("återkomma med förslag på styrgrupp");
		assertThat(this.reader.json(management + "arbetsgrupp")).as("no longer by a word only the first text held")
			.isEmpty();
		assertThat(this.reader.json("/api/meetings/" + this.story.january.value())
			.at("/agenda/0/assignments/0/description")
			.asText()).isEqualTo("återkomma med förslag på styrgrupp");

		JsonNode steps = this.reader.json("/api/matters/" + this.story.strategy.value() + "/history").get("steps");
		JsonNode step = Reader.firstStep(steps, "ASSIGNMENT_REVISED");
		assertThat(step.get("assignmentId").asText()).isEqualTo(this.story.proposal.value());
		assertThat(step.at("/details/reason").asText()).isEqualTo("fel grupp i anteckningen");
		assertThat(steps.findValuesAsText("summary")).as("handed out as it read then")
			.contains("återkomma med förslag på arbetsgrupp");
	}

	@Test
	void completed_assignments_stay_in_the_record() {
		JsonNode all = this.reader
			.json("/api/assignments?status=all&matter=" + this.story.strategy.value() + "&position=" + this.position);
		assertThat(all.findValuesAsText("assignmentId")).containsExactlyInAnyOrder(this.story.proposal.value(),
				this.story.budget.value());
		JsonNode completed = this.reader
			.json("/api/assignments?status=completed&body=" + this.story.management.value());
		assertThat(completed.findValuesAsText("assignmentId")).containsExactly(this.story.proposal.value());
		assertThat(completed.at("/0/reportedBack").asBoolean()).isTrue();
		assertThat(completed.at("/0/lastReport").asText()).isEqualTo("förslag på arbetsgrupp presenterades");
	}

	@Test
	void an_assignee_sees_what_they_owe_and_a_body_can_be_the_assignee() {
		JsonNode bodyOwes = this.reader
			.json("/api/assignments?assignee=" + this.story.south.value() + "&position=" + this.position);
		assertThat(bodyOwes.findValuesAsText("assignmentId")).containsExactly(this.story.budget.value());
		assertThat(bodyOwes.at("/0/assignees/0/kind").asText()).isEqualTo("BODY");
		assertThat(bodyOwes.at("/0/bodyName").asText()).isEqualTo("Chefsgrupp folkhälsa");
	}

	@Test
	void an_assignment_shared_by_a_person_and_a_body_lists_both_by_name() {
		AssignmentId shared = AssignmentId.of("a-gemensam-" + this.story.run);
		long handedOut = this.feeder.record(LocalDate.of(2025, 5, 22),
				new AssignmentHandedOut(shared, this.story.management, this.story.may, AgendaItemId.of("4"), null,
						List.of(Assignee.person("ulla-" + this.story.run, "Ulla"),
								Assignee.body(this.story.south.value(), "Länsdelsgrupp söder")),
						"sammanställa enkäten", Due.on(LocalDate.of(2099, 1, 1)), AssignmentKind.TASK));

		JsonNode owed = this.reader.json("/api/assignments?assignee=ulla-" + this.story.run + "&position=" + handedOut);

		assertThat(owed.findValuesAsText("assignmentId")).containsExactly(shared.value());
		assertThat(owed.at("/0/assignees").findValuesAsText("name")).containsExactly("Länsdelsgrupp söder", "Ulla");
		assertThat(owed.at("/0/assignees").findValuesAsText("kind")).containsExactly("BODY", "PERSON");
		assertThat(owed.at("/0/assignees").findValuesAsText("id")).containsExactly(this.story.south.value(),
				"ulla-" + this.story.run);
	}

	@Test
	void a_body_handed_an_assignment_without_its_name_is_listed_by_its_name() {
		AssignmentId unnamed = AssignmentId.of("a-unnamed-" + this.story.run);
		long handedOut = this.feeder.record(LocalDate.of(2025, 5, 22),
				new AssignmentHandedOut(unnamed, this.story.management, this.story.may, AgendaItemId.of("4"), null,
						List.of(Assignee.body(this.story.joint.value(), null),
								Assignee.person("ulla-" + this.story.run, null)),
						"förankra enkäten", Due.on(LocalDate.of(2099, 1, 1)), AssignmentKind.TASK));

		JsonNode owed = this.reader
			.json("/api/assignments?assignee=" + this.story.joint.value() + "&position=" + handedOut);

		assertThat(owed.findValuesAsText("assignmentId")).containsExactly(unnamed.value());
		assertThat(owed.at("/0/assignees")).hasSize(2).anySatisfy((assignee) -> {
			assertThat(assignee.get("kind").asText()).isEqualTo("BODY");
			assertThat(assignee.get("name").asText()).isEqualTo("Gemensam chefsgrupp");
		}).as("a person recorded without a name stays without one").anySatisfy((assignee) -> {
			assertThat(assignee.get("kind").asText()).isEqualTo("PERSON");
			assertThat(assignee.get("name").isNull()).isTrue();
		});
	}

	@Test
	void an_assignment_past_its_day_without_a_report_back_is_overdue() {
		JsonNode overdue = this.reader
			.json("/api/assignments?overdue=true&body=" + this.story.management.value() + "&position=" + this.position);
		assertThat(overdue.findValuesAsText("assignmentId")).containsExactly("a-linnea-" + this.story.run);
		assertThat(overdue.at("/0/due/date").asText()).isEqualTo("2025-06-05");
		JsonNode dueSoon = this.reader
			.json("/api/assignments?dueBefore=2025-07-01&body=" + this.story.management.value());
		assertThat(dueSoon.findValuesAsText("assignmentId")).containsExactly("a-linnea-" + this.story.run);
	}

	@Test
	void an_assignment_due_at_the_next_meeting_is_overdue_once_that_meeting_was_held_without_its_report() {
		AssignmentId atNextMeeting = AssignmentId.of("a-next-" + this.story.run);
		long handedOut = this.feeder.record(LocalDate.of(2025, 5, 22),
				new AssignmentHandedOut(atNextMeeting, this.story.management, this.story.may, AgendaItemId.of("4"),
						null, List.of(Assignee.person("linnea-" + this.story.run, "Linnea")),
						"återkomma till nästa möte", Due.atNextMeetingOf(this.story.management), AssignmentKind.TASK));
		String overdueOnes = "/api/assignments?overdue=true&body=" + this.story.management.value() + "&position=";
		assertThat(this.reader.json(overdueOnes + handedOut).findValuesAsText("assignmentId"))
			.doesNotContain(atNextMeeting.value());
		assertThat(this.reader
			.json("/api/assignments?overdue=false&body=" + this.story.management.value() + "&position=" + handedOut)
			.findValuesAsText("assignmentId")).as("not overdue while it waits for the meeting")
			.contains(atNextMeeting.value());

		long overdue = this.feeder.record(LocalDate.of(2025, 9, 18),
				new AssignmentBecameOverdue(atNextMeeting, LocalDate.of(2025, 9, 18)));

		JsonNode listed = this.reader.json(overdueOnes + overdue);
		assertThat(listed.findValuesAsText("assignmentId")).contains(atNextMeeting.value());
	}

	@Test
	void a_report_back_written_up_after_the_overdue_clears_it_if_it_took_effect_in_time() {
		AssignmentId inTime = AssignmentId.of("a-in-time-" + this.story.run);
		AssignmentId late = AssignmentId.of("a-late-" + this.story.run);
		LocalDate september18 = LocalDate.of(2025, 9, 18);
		for (AssignmentId assignment : List.of(inTime, late)) {
			this.feeder.record(LocalDate.of(2025, 5, 22),
					new AssignmentHandedOut(assignment, this.story.management, this.story.may, AgendaItemId.of("4"),
							null, List.of(Assignee.person("linnea-" + this.story.run, "Linnea")),
							"återkomma till nästa möte", Due.atNextMeetingOf(this.story.management),
							AssignmentKind.TASK),
					new AssignmentBecameOverdue(assignment, september18));
		}
		// the minutes of 18 September, written up days after the meeting was closed
		this.feeder.record(september18,
				new AssignmentReportedBack(inTime, this.story.may, null, "rapporterat på mötet"));
		long position = this.feeder.record(LocalDate.of(2025, 10, 2),
				new AssignmentReportedBack(late, this.story.may, null, "rapporterat i efterhand"));

		List<String> overdue = this.reader
			.json("/api/assignments?overdue=true&body=" + this.story.management.value() + "&position=" + position)
			.findValuesAsText("assignmentId");
		assertThat(overdue).contains(late.value()).doesNotContain(inTime.value());
	}

	@Test
	void an_assignment_due_at_a_meeting_that_was_cancelled_needs_a_new_due_until_it_gets_one() {
		MeetingId september = MeetingId.of("cg-2025-09-18-" + this.story.run);
		AssignmentId atSeptember = AssignmentId.of("a-sept-" + this.story.run);
		AssignmentId dated = AssignmentId.of("a-sept-dated-" + this.story.run);
		AssignmentId datedAhead = AssignmentId.of("a-sept-dated-ahead-" + this.story.run);
		long handedOut = this.feeder.record(LocalDate.of(2025, 5, 22),
				new MeetingScheduled(september, this.story.management,
						new MeetingTime(LocalDate.of(2025, 9, 18), null, null), null, MeetingMode.IN_PERSON, false,
						null),
				handOut(atSeptember, new Due(null, null, september)),
				// its date makes it overdue whether or not the meeting is held
				handOut(dated, new Due(LocalDate.of(2025, 9, 18), null, september)),
				handOut(datedAhead, new Due(LocalDate.of(2099, 9, 18), null, september)));
		String needingANewDue = "/api/assignments?needsNewDue=true&body=" + this.story.management.value()
				+ "&position=";
		assertThat(this.reader.json(needingANewDue + handedOut).findValuesAsText("assignmentId")).isEmpty();

		long cancelled = this.feeder.record(LocalDate.of(2025, 9, 1),
				new MeetingCancelled(september, "för få anmälda"));

		JsonNode listed = this.reader.json(needingANewDue + cancelled);
		assertThat(listed.findValuesAsText("assignmentId"))
			.as("the one whose date has passed is overdue instead; listed by due date, dateless last")
			.containsExactly(datedAhead.value(), atSeptember.value());
		assertThat(listed.at("/0/needsNewDueBecause").asText()).isEqualTo(
				"the meeting it is due at was cancelled on 2025-09-01: för få anmälda; its date, 2099-09-18, still holds");
		assertThat(listed.at("/1/needsNewDue").asBoolean()).isTrue();
		assertThat(listed.at("/1/needsNewDueBecause").asText())
			.isEqualTo("the meeting it is due at was cancelled on 2025-09-01: för få anmälda");
		assertThat(listed.at("/1/overdue").isBoolean()).as("false, not null").isTrue();
		assertThat(listed.at("/1/overdue").asBoolean()).isFalse();
		assertThat(this.reader.json("/api/assignments/" + atSeptember.value() + "?position=" + cancelled))
			.as("read by its id, as listed")
			.isEqualTo(listed.get(1));

		long changed = this.feeder.record(LocalDate.of(2025, 9, 2),
				new AssignmentDueDateChanged(atSeptember, new Due(null, null, september),
						Due.atNextMeetingOf(this.story.management), "septembermötet ställdes in"));

		assertThat(this.reader.json(needingANewDue + changed).findValuesAsText("assignmentId"))
			.containsExactly(datedAhead.value());
		JsonNode open = this.reader
			.json("/api/assignments?needsNewDue=false&body=" + this.story.management.value() + "&position=" + changed);
		assertThat(open.findValuesAsText("assignmentId")).contains(atSeptember.value(), dated.value());
	}

	@Test
	void an_assignment_due_at_the_next_meeting_of_a_body_since_dissolved_needs_a_new_due() {
		BodyId group = BodyId.of("ag-andt-" + this.story.run);
		AssignmentId waiting = AssignmentId.of("a-andt-" + this.story.run);
		AssignmentId reported = AssignmentId.of("a-andt-reported-" + this.story.run);
		AssignmentId overdue = AssignmentId.of("a-andt-overdue-" + this.story.run);
		AssignmentId dated = AssignmentId.of("a-andt-dated-" + this.story.run);
		this.feeder.record(LocalDate.of(2025, 5, 1),
				new BodyEstablished(group, "Arbetsgrupp ANDT", BodyKind.WORKING_GROUP, null, null, null));
		this.feeder.record(LocalDate.of(2025, 5, 22), handOut(waiting, Due.atNextMeetingOf(group)),
				handOut(reported, Due.atNextMeetingOf(group)), handOut(overdue, Due.atNextMeetingOf(group)),
				new AssignmentReportedBack(reported, this.story.may, null, "lämnat skriftligt"),
				new AssignmentBecameOverdue(overdue, LocalDate.of(2025, 6, 10)),
				handOut(dated, new Due(LocalDate.of(2099, 1, 31), group, null)));

		long dissolved = this.feeder.record(LocalDate.of(2025, 10, 1),
				new BodyDissolved(group, LocalDate.of(2025, 9, 30), "uppdraget slutfört"));

		JsonNode listed = this.reader
			.json("/api/assignments?needsNewDue=true&body=" + this.story.management.value() + "&position=" + dissolved);
		assertThat(listed.findValuesAsText("assignmentId")).containsExactly(dated.value(), waiting.value());
		assertThat(listed.at("/0/needsNewDueBecause").asText())
			.isEqualTo("Arbetsgrupp ANDT was dissolved on 2025-09-30; its date, 2099-01-31, still holds");
		assertThat(listed.at("/1/needsNewDueBecause").asText())
			.isEqualTo("Arbetsgrupp ANDT was dissolved on 2025-09-30");
	}

	private AssignmentHandedOut handOut(AssignmentId assignment, Due due) {
		return new AssignmentHandedOut(assignment, this.story.management, this.story.may, AgendaItemId.of("4"), null,
				List.of(Assignee.person("linnea-" + this.story.run, "Linnea")), "återkomma till mötet", due,
				AssignmentKind.TASK);
	}

	@Test
	void with_a_limit_the_list_is_read_page_by_page_in_its_order_by_following_next_links() {
		MeetingId september = MeetingId.of("cg-2025-09-18-" + this.story.run);
		this.feeder.record(LocalDate.of(2025, 5, 22), new MeetingScheduled(september, this.story.management,
				new MeetingTime(LocalDate.of(2025, 9, 18), null, null), null, MeetingMode.IN_PERSON, false, null),
				// an id with underscores, due without a day: the last of the list
				handOut(AssignmentId.of("a_sept_" + this.story.run), new Due(null, null, september)),
				handOut(AssignmentId.of("a-june-b-" + this.story.run), Due.on(LocalDate.of(2025, 6, 5))));
		long recorded = this.feeder.record(LocalDate.of(2025, 5, 23),
				handOut(AssignmentId.of("a-june-a-" + this.story.run), Due.on(LocalDate.of(2025, 6, 5))));
		String all = "/api/assignments?status=all&body=" + this.story.management.value();
		Reader.Response whole = this.reader.get(all + "&position=" + recorded);
		assertThat(whole.next()).as("fewer than a page's 500: no next page").isNull();
		assertThat(whole.body().size()).isGreaterThan(4);

		assertThat(this.reader.onePerPage(all + "&limit=1", whole.body().size()))
			.containsExactlyElementsOf(whole.body());

		List<String> overdue = new ArrayList<>();
		Reader.Response first = this.reader.get(all + "&overdue=true&limit=1");
		first.body().findValuesAsText("assignmentId").forEach(overdue::add);
		this.reader.get(first.next()).body().findValuesAsText("assignmentId").forEach(overdue::add);
		assertThat(overdue).as("the filter in the statement, so the pages hold only overdue ones")
			.containsExactlyElementsOf(
					this.reader.json(all + "&overdue=true").findValuesAsText("assignmentId").subList(0, 2));

		for (String cursor : new String[] { "2025-06-05", "2025-06-05_x_a-1", "soon_infinity_a-1",
				"infinity_infinity_" }) {
			Reader.Response refused = this.reader.get(all + "&limit=1&after=" + cursor);
			assertThat(refused.status()).as(cursor).isEqualTo(400);
			assertThat(refused.contentType()).startsWith("application/problem+json");
		}
		assertThat(this.reader.get(all + "&limit=0").status()).isEqualTo(400);
	}

	@Test
	void without_a_limit_a_page_holds_500_and_links_to_the_rest() {
		AssignmentHandedOut[] many = IntStream.rangeClosed(1, 501)
			.mapToObj((n) -> handOut(AssignmentId.of("a-%03d-%s".formatted(n, this.story.run)),
					Due.on(LocalDate.of(2025, 6, 5))))
			.toArray(AssignmentHandedOut[]::new);
		String all = "/api/assignments?status=all&body=" + this.story.management.value();
		int before = this.reader.get(all + "&position=" + this.position).body().size();
		long recorded = this.feeder.record(LocalDate.of(2025, 5, 22), many);

		Reader.Response first = this.reader.get(all + "&position=" + recorded);
		assertThat(first.body().size()).isEqualTo(500);
		assertThat(first.next()).as("more follow").isNotNull();
		Reader.Response rest = this.reader.get(first.next());
		assertThat(rest.next()).isNull();
		List<String> ids = new ArrayList<>(first.body().findValuesAsText("assignmentId"));
		ids.addAll(rest.body().findValuesAsText("assignmentId"));
		assertThat(ids).as("the story's and the 501, each once").hasSize(before + 501).doesNotHaveDuplicates();
		assertThat(this.reader.get(all + "&limit=5001").status()).isEqualTo(400);
	}

	@Test
	void one_assignment_is_read_by_its_id_as_the_list_shows_it_and_an_unknown_one_is_not_found() {
		JsonNode listed = this.reader
			.json("/api/assignments?status=all&body=" + this.story.management.value() + "&position=" + this.position);
		assertThat(listed.size()).isPositive();
		for (JsonNode assignment : listed) {
			assertThat(this.reader
				.json("/api/assignments/" + assignment.get("assignmentId").asText() + "?position=" + this.position))
				.isEqualTo(assignment);
		}

		Reader.Response unknown = this.reader.get("/api/assignments/no-such-assignment-" + this.story.run);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
		assertThat(unknown.body().get("detail").asText()).contains("no-such-assignment-" + this.story.run);
	}

	@Test
	void an_unknown_status_is_refused() {
		Reader.Response response = this.reader.get("/api/assignments?status=forgotten");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

}
