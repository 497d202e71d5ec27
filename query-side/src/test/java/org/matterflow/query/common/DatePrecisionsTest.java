package org.matterflow.query.common;

import java.time.LocalDate;

import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.matterflow.query.common.DatePrecisions.Inferred;

import static org.assertj.core.api.Assertions.assertThat;

class DatePrecisionsTest {

	private static final MetaData IMPORTED_ON_NEW_YEARS_DAY = MetaData.with("businessDate", "2024-01-01")
		.and("correlationId", "import:radet-folkhalsa-2024:0123456789ab");

	@Test
	void an_event_that_carries_a_precision_is_taken_at_its_word_even_a_day() {
		assertThat(DatePrecisions.inferred(IMPORTED_ON_NEW_YEARS_DAY.and("businessDatePrecision", "YEAR"), "m"))
			.isEqualTo(new Inferred("YEAR", null, null, null));
		assertThat(DatePrecisions.inferred(IMPORTED_ON_NEW_YEARS_DAY.and("businessDatePrecision", "DAY"), "m"))
			.isEqualTo(new Inferred(null, null, null, null));
	}

	@Test
	void an_event_without_a_precision_on_the_first_of_a_month_may_take_its_meetings_or_its_imports() {
		assertThat(DatePrecisions.inferred(IMPORTED_ON_NEW_YEARS_DAY, "radet-folkhalsa-2024"))
			.isEqualTo(new Inferred(null, "radet-folkhalsa-2024", "radet-folkhalsa-2024", LocalDate.of(2024, 1, 1)));
		assertThat(DatePrecisions.inferred(MetaData.with("businessDate", "2024-03-01"), "m"))
			.isEqualTo(new Inferred(null, "m", null, LocalDate.of(2024, 3, 1)));
	}

	@Test
	void an_event_without_a_precision_on_another_day_or_of_no_meeting_is_known_to_the_day() {
		Inferred none = new Inferred(null, null, null, null);
		assertThat(DatePrecisions
			.inferred(MetaData.with("businessDate", "2024-03-14").and("correlationId", "import:m:0123456789ab"), "m"))
			.isEqualTo(none);
		assertThat(DatePrecisions.inferred(MetaData.with("businessDate", "2024-03-01")
			.and("correlationId", "5d0c7a8e-95a4-4bd4-a1b0-6f1b2a3c4d5e"), null)).isEqualTo(none);
		assertThat(DatePrecisions.inferred(MetaData.with("correlationId", "import:m:0123456789ab"), "m"))
			.as("no business date")
			.isEqualTo(none);
	}

	@Test
	void a_precision_from_a_meeting_is_read_in_the_statement_and_any_other_is_a_parameter() {
		Inferred fromMeeting = DatePrecisions.inferred(IMPORTED_ON_NEW_YEARS_DAY, null);
		assertThat(fromMeeting.sql("{s}.meeting")).isEqualTo(
				"(SELECT m.date_precision FROM {s}.meeting m WHERE m.meeting_id IN (?, ?) AND m.date = ? LIMIT 1)");
		assertThat(DatePrecisions.params("tema", fromMeeting, 7L)).containsExactly("tema", null, "radet-folkhalsa-2024",
				LocalDate.of(2024, 1, 1), 7L);
		Inferred carried = DatePrecisions.inferred(IMPORTED_ON_NEW_YEARS_DAY.and("businessDatePrecision", "MONTH"),
				null);
		assertThat(carried.sql("{s}.meeting")).isEqualTo("?");
		assertThat(DatePrecisions.params("tema", carried, 7L)).containsExactly("tema", "MONTH", 7L);
	}

	@Test
	void the_meeting_of_an_import_is_the_subject_of_its_correlation_id() {
		assertThat(DatePrecisions.importedMeeting("import:chefsgrupp-folkhalsa-2025-10-23:6c1f0e2a9b3d"))
			.isEqualTo("chefsgrupp-folkhalsa-2025-10-23");
		assertThat(DatePrecisions.importedMeeting("import::6c1f0e2a9b3d")).isNull();
		assertThat(DatePrecisions.importedMeeting("import:6c1f0e2a9b3d")).isNull();
		assertThat(DatePrecisions.importedMeeting("imported:m:6c1f0e2a9b3d")).isNull();
		assertThat(DatePrecisions.importedMeeting(null)).isNull();
	}

}
