package org.matterflow.command.infrastructure;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.matterflow.command.common.RecordMetadata;
import org.matterflow.kernel.meeting.MeetingTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The business date a command is stamped with when its sender gave none, and the one a
 * deadline's events take: the day, with its precision written on the first of a month,
 * where an undated protocol's month or year is dated too.
 */
class RecordMetadataConfigurationTest {

	@Test
	void a_command_recorded_on_the_first_of_a_month_is_dated_to_that_day_by_name() {
		assertThat(stamped(clockOn(2026, 12, 1)).getMetaData())
			.containsEntry(RecordMetadata.BUSINESS_DATE, "2026-12-01")
			.containsEntry(RecordMetadata.BUSINESS_DATE_PRECISION, "DAY");
		assertThat(stamped(clockOn(2026, 12, 2)).getMetaData())
			.containsEntry(RecordMetadata.BUSINESS_DATE, "2026-12-02")
			.doesNotContainKey(RecordMetadata.BUSINESS_DATE_PRECISION);
	}

	@Test
	void a_command_that_carries_its_business_date_keeps_it() {
		CommandMessage<?> command = GenericCommandMessage.asCommandMessage("x")
			.andMetaData(MetaData.with(RecordMetadata.BUSINESS_DATE, "2024-01-01")
				.and(RecordMetadata.BUSINESS_DATE_PRECISION, "YEAR"));
		assertThat(new RecordMetadataConfiguration().recordedByInterceptor(clockOn(2026, 12, 1))
			.handle(command)
			.getMetaData()).containsEntry(RecordMetadata.BUSINESS_DATE, "2024-01-01")
			.containsEntry(RecordMetadata.BUSINESS_DATE_PRECISION, "YEAR");
	}

	@Test
	void a_deadline_that_fires_on_the_first_of_a_month_dates_its_events_to_that_day_whatever_its_command_had() {
		GenericDeadlineMessage<?> deadline = new GenericDeadlineMessage<>("overdue")
			.andMetaData(MetaData.with(RecordMetadata.BUSINESS_DATE, "2024-01-01")
				.and(RecordMetadata.BUSINESS_DATE_PRECISION, "YEAR"));
		assertThat(firedOn(deadline, clockOn(2026, 12, 1))).containsEntry(RecordMetadata.BUSINESS_DATE, "2026-12-01")
			.containsEntry(RecordMetadata.BUSINESS_DATE_PRECISION, "DAY");
		assertThat(firedOn(deadline, clockOn(2026, 12, 2))).containsEntry(RecordMetadata.BUSINESS_DATE, "2026-12-02")
			.doesNotContainKey(RecordMetadata.BUSINESS_DATE_PRECISION);
	}

	private static CommandMessage<?> stamped(Clock clock) {
		return new RecordMetadataConfiguration().recordedByInterceptor(clock)
			.handle(GenericCommandMessage.asCommandMessage("x"));
	}

	private static Map<String, Object> firedOn(GenericDeadlineMessage<?> deadline, Clock clock) {
		return new HashMap<>(RecordMetadataConfiguration.correlationDataForDeadline(deadline, clock));
	}

	private static Clock clockOn(int year, int month, int day) {
		return Clock.fixed(ZonedDateTime.of(year, month, day, 10, 0, 0, 0, MeetingTime.ZONE).toInstant(),
				MeetingTime.ZONE);
	}

}
