package org.matterflow.kernel;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.matterflow.kernel.assignment.Due;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.meeting.AttendanceStatus;

import static org.assertj.core.api.Assertions.assertThat;

class ExpectedValueTest {

	@Test
	void a_choice_names_every_value_it_takes_in_order() {
		assertThat(ExpectedValue.of(AttendanceStatus.class)).contains("one of PRESENT, DIGITAL, ABSENT, GUEST");
	}

	@Test
	void dates_and_times_are_described_with_their_format_and_an_example() {
		assertThat(ExpectedValue.of(LocalDate.class)).contains("a date as YYYY-MM-DD, such as 2025-05-22");
		assertThat(ExpectedValue.of(LocalTime.class)).contains("a time as HH:MM, such as 09:30");
	}

	@Test
	void an_id_of_the_kernel_is_text_and_a_value_of_several_fields_an_object() {
		assertThat(ExpectedValue.of(BodyId.class)).contains("text");
		assertThat(ExpectedValue.of(Due.class)).contains("an object");
	}

	@Test
	void numbers_truth_values_and_lists_are_named_as_json_writes_them() {
		assertThat(ExpectedValue.of(int.class)).contains("a whole number");
		assertThat(ExpectedValue.of(Long.class)).contains("a whole number");
		assertThat(ExpectedValue.of(Boolean.class)).contains("true or false");
		assertThat(ExpectedValue.of(List.class)).contains("a list");
	}

	@Test
	void a_type_it_cannot_describe_plainly_is_not_described() {
		assertThat(ExpectedValue.of(Object.class)).isEmpty();
		assertThat(ExpectedValue.of(null)).isEmpty();
	}

}
