package org.matterflow.query.agenda;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.matterflow.kernel.body.BodyEstablished;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.body.BodyKind;
import org.matterflow.kernel.meeting.AgendaItemAdded;
import org.matterflow.kernel.meeting.AgendaItemId;
import org.matterflow.kernel.meeting.ItemKind;
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
class AgendaReadModelTest {

	@LocalServerPort
	int port;

	@Autowired
	EventFeeder feeder;

	Story story;

	long position;

	@BeforeEach
	void setUp() {
		this.story = new Story(UUID.randomUUID().toString().substring(0, 8));
		this.position = this.story.record(this.feeder);
	}

	@Test
	void the_agenda_of_a_body_shows_its_next_meeting_with_items_in_order_and_what_was_deferred_to_it() {
		JsonNode agenda = new Reader(this.port)
			.json("/api/bodies/" + this.story.management.value() + "/agenda?on=2025-02-01&position=" + this.position);

		assertThat(agenda.get("bodyName").asText()).isEqualTo("Chefsgrupp folkhälsa");
		assertThat(agenda.at("/nextMeeting/meetingId").asText()).isEqualTo(this.story.may.value());
		assertThat(agenda.at("/nextMeeting/start").asText()).isEqualTo("09:00");
		assertThat(agenda.at("/nextMeeting/items").findValuesAsText("title"))
			.containsExactly("Föräldraskapsstödsstrategin");
		assertThat(agenda.get("deferredItems")).hasSize(1);
		assertThat(agenda.at("/deferredItems/0/title").asText()).isEqualTo("Samverkansplan");
		assertThat(agenda.at("/deferredItems/0/toMeeting").asText()).isEqualTo(this.story.may.value());
		assertThat(agenda.at("/deferredItems/0/reason").asText()).isEqualTo("flyttas till kommande möte");
	}

	@Test
	void matters_referred_to_a_body_wait_on_its_agenda_until_they_are_placed_on_one() {
		JsonNode joint = new Reader(this.port)
			.json("/api/bodies/" + this.story.joint.value() + "/agenda?on=2025-02-01&position=" + this.position);
		assertThat(joint.get("referredMatters").findValuesAsText("matterId"))
			.containsExactly(this.story.strategy.value());
		assertThat(joint.at("/referredMatters/0/purpose").asText()).isEqualTo("FOR_ANCHORING");
		assertThat(joint.at("/referredMatters/0/fromBody").asText()).isEqualTo(this.story.management.value());
		assertThat(joint.at("/nextMeeting/meetingId").asText()).isEqualTo(this.story.march.value());
	}

	@Test
	void the_backlog_of_a_body_is_in_order_of_priority() {
		JsonNode south = new Reader(this.port)
			.json("/api/bodies/" + this.story.south.value() + "/agenda?on=2025-06-01&position=" + this.position);
		assertThat(south.at("/nextMeeting/meetingId").asText()).isEqualTo(this.story.southAugust.value());
		assertThat(south.get("backlog").findValuesAsText("title")).containsExactly("Samverkansplan");
		assertThat(south.at("/backlog/0/priority").asInt()).isEqualTo(1);
		assertThat(south.get("referredMatters").findValuesAsText("title"))
			.containsExactly("Föräldraskapsstödsstrategin");
	}

	@Test
	void a_body_with_nothing_coming_up_has_an_empty_agenda() {
		BodyId group = BodyId.of("tom-" + this.story.run);
		long established = this.feeder.record(LocalDate.of(2025, 1, 10),
				new BodyEstablished(group, "Arbetsgrupp ANDT", BodyKind.WORKING_GROUP, null, null, null));

		JsonNode agenda = new Reader(this.port)
			.json("/api/bodies/" + group.value() + "/agenda?on=2025-02-01&position=" + established);

		assertThat(agenda.get("bodyName").asText()).isEqualTo("Arbetsgrupp ANDT");
		assertThat(agenda.get("on").asText()).isEqualTo("2025-02-01");
		assertThat(agenda.get("nextMeeting").isNull()).isTrue();
		assertThat(agenda.get("deferredItems").isArray()).isTrue();
		assertThat(agenda.get("deferredItems")).isEmpty();
		assertThat(agenda.get("referredMatters")).isEmpty();
		assertThat(agenda.get("backlog")).isEmpty();
	}

	@Test
	void an_item_shows_its_presenters_and_a_meeting_its_times_to_the_minute_or_second() {
		BodyId group = BodyId.of("tider-" + this.story.run);
		MeetingId meeting = MeetingId.of("tider-2025-03-03-" + this.story.run);
		long recorded = this.feeder.record(LocalDate.of(2025, 2, 10),
				new BodyEstablished(group, "Arbetsgrupp psykisk hälsa", BodyKind.WORKING_GROUP, null, null, null),
				new MeetingScheduled(meeting, group,
						new MeetingTime(LocalDate.of(2025, 3, 3), LocalTime.of(8, 30), LocalTime.of(9, 45, 30)), null,
						MeetingMode.DIGITAL, true, null),
				new AgendaItemAdded(meeting, AgendaItemId.of("1"), 1, "Lägesrapport", ItemKind.INFORMATION, null,
						List.of("Deepa Singhru"), List.of(), List.of(), null));

		JsonNode next = new Reader(this.port)
			.json("/api/bodies/" + group.value() + "/agenda?on=2025-02-20&position=" + recorded)
			.get("nextMeeting");

		assertThat(next.get("date").asText()).isEqualTo("2025-03-03");
		assertThat(next.get("start").asText()).isEqualTo("08:30");
		assertThat(next.get("end").asText()).isEqualTo("09:45:30");
		assertThat(next.get("tentative").asBoolean()).isTrue();
		assertThat(next.at("/items/0/position").asInt()).isEqualTo(1);
		assertThat(next.at("/items/0/presenters/0").asText()).isEqualTo("Deepa Singhru");
	}

	@Test
	void the_agenda_of_an_unknown_body_is_not_found() {
		assertThat(new Reader(this.port).get("/api/bodies/nobody-" + this.story.run + "/agenda").status())
			.isEqualTo(404);
	}

}
