package org.matterflow.query.common;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.matterflow.kernel.PersonId;
import org.matterflow.kernel.assignment.Assignee;
import org.matterflow.kernel.assignment.AssignmentHandedOut;
import org.matterflow.kernel.assignment.AssignmentId;
import org.matterflow.kernel.assignment.AssignmentKind;
import org.matterflow.kernel.assignment.Due;
import org.matterflow.kernel.body.BodyEstablished;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.body.BodyKind;
import org.matterflow.kernel.body.MemberAppointed;
import org.matterflow.kernel.body.MembershipId;
import org.matterflow.kernel.body.Role;
import org.matterflow.kernel.meeting.AgendaItemAdded;
import org.matterflow.kernel.meeting.AgendaItemId;
import org.matterflow.kernel.meeting.AttendanceRecorded;
import org.matterflow.kernel.meeting.AttendanceStatus;
import org.matterflow.kernel.meeting.ItemKind;
import org.matterflow.kernel.meeting.MeetingId;
import org.matterflow.kernel.meeting.MeetingMode;
import org.matterflow.kernel.meeting.MeetingOpened;
import org.matterflow.kernel.meeting.MeetingScheduled;
import org.matterflow.kernel.meeting.MeetingTime;
import org.matterflow.query.testing.EventFeeder;
import org.matterflow.query.testing.QueryIntegrationTest;
import org.matterflow.query.testing.Reader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@QueryIntegrationTest
class SwedishOrderTest {

	/** In Swedish order, which neither the C locale nor en_US gives. */
	private static final List<String> NAMES = List.of("Ali Zand", "Zoran Lind", "Åsa Berg", "Ängla Holm", "Östen Ek");

	@LocalServerPort
	int port;

	@Autowired
	EventFeeder feeder;

	@Test
	void names_are_in_the_order_a_swedish_reader_looks_for_them() {
		List<String> shuffled = List.of("Östen Ek", "Ängla Holm", "Zoran Lind", "Åsa Berg", "Ali Zand");
		List<String> ordered = new ArrayList<>(shuffled);

		ordered.sort(SwedishOrder.NAMES);

		assertThat(ordered).containsExactlyElementsOf(NAMES);
		assertThat(java.util.stream.Stream.of("arbetsgrupp", "Zeta", "Ümit", "Wilma", "Vera", "Östen", null)
			.sorted(SwedishOrder.NAMES)
			.toList()).containsExactly("arbetsgrupp", "Vera", "Wilma", "Ümit", "Zeta", "Östen", null);
		assertThat(java.util.stream.Stream
			.of("Arbetsgruppen för kunskap", "Arbetsgrupp för samverkan", "Arbetsgrupp", "Arbetsgrupp  Öst")
			.sorted(SwedishOrder.NAMES)
			.toList()).as("word by word")
			.containsExactly("Arbetsgrupp", "Arbetsgrupp för samverkan", "Arbetsgrupp  Öst",
					"Arbetsgruppen för kunskap");
	}

	@Test
	void bodies_members_participants_and_assignees_are_listed_in_swedish_order() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		BodyId group = BodyId.of("grupp-" + run);
		MeetingId meeting = MeetingId.of("mote-" + run);
		LocalDate day = LocalDate.of(2025, 3, 12);
		List<Object> events = new ArrayList<>();
		List<String> initials = List.of("Örebro", "Ängel", "Zeta", "Ås", "arbets");
		for (int i = 0; i < initials.size(); i++) {
			events.add(new BodyEstablished(BodyId.of("b" + i + "-" + run), initials.get(i) + "gruppen " + run,
					BodyKind.WORKING_GROUP, null, null, day));
		}
		events.add(new BodyEstablished(group, "Gruppen " + run, BodyKind.WORKING_GROUP, null, null, day));
		events.add(new MeetingScheduled(meeting, group, new MeetingTime(day, null, null), null, MeetingMode.IN_PERSON,
				false, null));
		events.add(new AgendaItemAdded(meeting, AgendaItemId.of("1"), 1, "Uppdrag", ItemKind.DECISION, null, List.of(),
				List.of(), List.of(), null));
		events.add(new MeetingOpened(meeting));
		List<Assignee> assignees = new ArrayList<>();
		List<String> people = List.of("Östen Ek", "Ängla Holm", "Zoran Lind", "Åsa Berg", "Ali Zand");
		for (int i = 0; i < people.size(); i++) {
			String name = people.get(i);
			String person = "p" + i + "-" + run;
			events.add(new MemberAppointed(group, MembershipId.of("m-" + person), PersonId.of(person), name, null, null,
					Role.MEMBER, day));
			events.add(new AttendanceRecorded(meeting, PersonId.of(person), name, null, AttendanceStatus.PRESENT,
					List.of()));
			assignees.add(Assignee.person(person, name));
		}
		events.add(new AssignmentHandedOut(AssignmentId.of("u-" + run), group, meeting, AgendaItemId.of("1"), null,
				assignees, "återkomma", Due.on(LocalDate.of(2099, 1, 1)), AssignmentKind.TASK));
		long position = this.feeder.record(day, events.toArray());
		Reader reader = new Reader(this.port);

		List<String> bodies = new ArrayList<>();
		reader.json("/api/bodies?position=" + position).forEach((body) -> {
			if (body.get("name").asText().endsWith("gruppen " + run)) {
				bodies.add(body.get("name").asText().replace(" " + run, ""));
			}
		});
		assertThat(bodies).containsExactly("arbetsgruppen", "Zetagruppen", "Åsgruppen", "Ängelgruppen",
				"Örebrogruppen");
		assertThat(reader.json("/api/bodies/" + group.value() + "?on=2025-03-12&position=" + position)
			.get("members")
			.findValuesAsText("name")).containsExactlyElementsOf(NAMES);
		assertThat(reader.json("/api/meetings/" + meeting.value() + "?position=" + position)
			.get("attendance")
			.findValuesAsText("name")).containsExactlyElementsOf(NAMES);
		JsonNode assignment = reader.json("/api/assignments?body=" + group.value() + "&position=" + position).get(0);
		assertThat(assignment.get("assignees").findValuesAsText("name")).containsExactlyElementsOf(NAMES);
	}

}
