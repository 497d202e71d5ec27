package org.matterflow.kernel;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.matterflow.kernel.assignment.Due;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.matter.MatterId;
import org.matterflow.kernel.matter.ReferMatter;
import org.matterflow.kernel.matter.ReferralPurpose;
import org.matterflow.kernel.meeting.AddAgendaItem;
import org.matterflow.kernel.meeting.ItemKind;
import org.matterflow.kernel.meeting.MeetingId;
import org.matterflow.kernel.meeting.MeetingTime;
import org.matterflow.kernel.meeting.AgendaItemId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandValidationTest {

	@Test
	void a_blank_title_is_refused_and_names_the_field() {
		assertThatThrownBy(() -> new AddAgendaItem(MeetingId.of("m"), AgendaItemId.of("1"), null, "  ",
				ItemKind.DECISION, null, null, null, null, null))
			.isInstanceOf(InvalidValue.class)
			.hasMessage("title must not be blank")
			.extracting((ex) -> ((InvalidValue) ex).field())
			.isEqualTo("title");
	}

	@Test
	void missing_lists_become_empty_and_text_is_trimmed() {
		AddAgendaItem item = new AddAgendaItem(MeetingId.of("m"), AgendaItemId.of("1"), null, " Samverkansplan ",
				ItemKind.DECISION, null, null, null, null, null);
		assertThat(item.title()).isEqualTo("Samverkansplan");
		assertThat(item.presenters()).isEqualTo(List.of());
	}

	@Test
	void a_list_with_an_empty_entry_is_refused_and_names_the_field() {
		assertThatThrownBy(() -> new AddAgendaItem(MeetingId.of("m"), AgendaItemId.of("1"), null, "Samverkansplan",
				ItemKind.DECISION, null, Arrays.asList("Linnea", null), null, null, null))
			.isInstanceOf(InvalidValue.class)
			.hasMessage("presenters must not hold an empty entry, but entry 2 is null")
			.extracting((ex) -> ((InvalidValue) ex).field())
			.isEqualTo("presenters");
	}

	@Test
	void a_referral_under_an_item_names_the_meeting_of_that_item() {
		assertThatThrownBy(() -> new ReferMatter(MatterId.of("plan"), BodyId.of("chefsgrupp"),
				BodyId.of("lansdelsgrupp-norr"), ReferralPurpose.FOR_ANCHORING, null, AgendaItemId.of("12"), null))
			.isInstanceOf(InvalidValue.class)
			.hasMessage("itemId names an item of the meeting in atMeeting, which is missing")
			.extracting((ex) -> ((InvalidValue) ex).field())
			.isEqualTo("itemId");
	}

	@Test
	void an_id_with_spaces_is_refused() {
		assertThatThrownBy(() -> BodyId.of("chefsgrupp folkhälsa")).isInstanceOf(InvalidValue.class)
			.hasMessageContaining("bodyId must be 1 to 80 letters");
	}

	@Test
	void an_id_names_its_aggregate_type_in_the_event_stream() {
		assertThat(MeetingId.of("2025-01-22").toString()).isEqualTo("meeting:2025-01-22");
	}

	@Test
	void a_meeting_known_only_by_its_year_is_dated_on_the_first_day_of_that_year() {
		MeetingTime year = new MeetingTime(LocalDate.of(2024, 1, 1), null, null, MeetingTime.DatePrecision.YEAR);
		assertThat(year.precision()).isEqualTo(MeetingTime.DatePrecision.YEAR);
		assertThat(new MeetingTime(LocalDate.of(2024, 3, 8), null, null).precision())
			.isEqualTo(MeetingTime.DatePrecision.DAY);
		assertThatThrownBy(() -> new MeetingTime(LocalDate.of(2024, 3, 1), null, null, MeetingTime.DatePrecision.YEAR))
			.isInstanceOf(InvalidValue.class)
			.hasMessageContaining("first day");
	}

	@Test
	void a_meeting_that_ends_before_it_starts_is_refused() {
		assertThatThrownBy(() -> new MeetingTime(LocalDate.of(2025, 1, 22), LocalTime.of(16, 0), LocalTime.of(13, 0)))
			.isInstanceOf(InvalidValue.class)
			.hasMessageContaining("must end after it starts");
	}

	@Test
	void a_due_with_neither_date_nor_meeting_is_refused() {
		assertThatThrownBy(() -> new Due(null, null, null)).isInstanceOf(InvalidValue.class);
	}

}
