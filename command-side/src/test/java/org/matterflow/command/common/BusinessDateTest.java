package org.matterflow.command.common;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.matterflow.kernel.meeting.MeetingTime.DatePrecision;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessDateTest {

	@Test
	void a_day_is_written_without_its_precision_except_on_the_first_of_a_month() {
		assertThat(written("2025-09-02")).containsOnly(Map.entry(RecordMetadata.BUSINESS_DATE, "2025-09-02"));
		assertThat(written("2025-09-01")).as("a first is where a month or a year is dated too")
			.containsOnly(Map.entry(RecordMetadata.BUSINESS_DATE, "2025-09-01"),
					Map.entry(RecordMetadata.BUSINESS_DATE_PRECISION, "DAY"));
	}

	@Test
	void a_month_or_a_year_is_written_with_its_precision_on_its_first_day() {
		assertThat(written("2024-03")).containsOnly(Map.entry(RecordMetadata.BUSINESS_DATE, "2024-03-01"),
				Map.entry(RecordMetadata.BUSINESS_DATE_PRECISION, "MONTH"));
		assertThat(written("2024")).containsOnly(Map.entry(RecordMetadata.BUSINESS_DATE, "2024-01-01"),
				Map.entry(RecordMetadata.BUSINESS_DATE_PRECISION, "YEAR"));
	}

	@Test
	void an_event_dated_by_its_aggregate_names_a_day_only_on_the_first_of_a_month() {
		assertThat(RecordMetadata.tookEffectOn(LocalDate.of(2025, 1, 22)))
			.doesNotContainKey(RecordMetadata.BUSINESS_DATE_PRECISION);
		assertThat(RecordMetadata.tookEffectOn(LocalDate.of(2025, 9, 1)))
			.containsEntry(RecordMetadata.BUSINESS_DATE_PRECISION, "DAY");
		assertThat(RecordMetadata.tookEffectOn(LocalDate.of(2024, 1, 1), DatePrecision.YEAR))
			.containsEntry(RecordMetadata.BUSINESS_DATE_PRECISION, "YEAR");
		assertThat(RecordMetadata.byMatterflowOn(LocalDate.of(2026, 12, 1)))
			.containsEntry(RecordMetadata.BUSINESS_DATE_PRECISION, "DAY")
			.containsEntry(RecordMetadata.RECORDED_BY, RecordMetadata.SYSTEM);
	}

	private static Map<String, Object> written(String header) {
		Map<String, Object> metadata = new HashMap<>();
		BusinessDate.parse(header).putInto(metadata);
		return metadata;
	}

}
