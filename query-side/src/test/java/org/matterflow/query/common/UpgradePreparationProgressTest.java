package org.matterflow.query.common;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UpgradePreparationProgressTest {

	@Test
	void the_progress_line_names_each_generation_how_far_it_has_read_and_what_holds_it_back() {
		String line = UpgradePreparation.describe(List.of(
				new ReadModels.Progress("assignments", 5, 4, OptionalLong.of(1_211_023), Optional.empty()),
				new ReadModels.Progress("history", 5, 4, OptionalLong.empty(),
						Optional.of("at position 17 (MatterRaised): SQLException: the database is shutting down"))));

		assertThat(line).isEqualTo("assignments generation 5 (version 4) read up to 1211023, "
				+ "history generation 5 (version 4) read up to nothing, held back by at position 17 (MatterRaised): "
				+ "SQLException: the database is shutting down");
	}

	@Test
	void a_generation_has_read_up_to_a_position_once_its_newest_event_is_there_or_past_it() {
		ReadModels.Progress progress = new ReadModels.Progress("history", 5, 4, OptionalLong.of(100), Optional.empty());
		ReadModels.Progress nothingYet = new ReadModels.Progress("history", 5, 4, OptionalLong.empty(),
				Optional.empty());

		assertThat(progress.hasRead(100)).isTrue();
		assertThat(progress.hasRead(101)).isFalse();
		assertThat(nothingYet.hasRead(0)).isFalse();
		assertThat(nothingYet.hasRead(-1)).as("an empty store").isTrue();
	}

	@Test
	void a_preparation_whose_generations_read_nothing_further_for_the_stall_limit_is_stalled_until_one_reads_on() {
		long minute = Duration.ofMinutes(1).toNanos();
		UpgradePreparation.Stall stall = new UpgradePreparation.Stall(Duration.ofMinutes(15));
		List<ReadModels.Progress> heldBack = List.of(
				new ReadModels.Progress("agenda", 5, 7, OptionalLong.of(1_000), Optional.empty()),
				new ReadModels.Progress("history", 5, 7, OptionalLong.of(17), Optional.of("SQLException")));

		assertThat(stall.stalled(heldBack, 0)).isFalse();
		assertThat(stall.stalled(heldBack, 14 * minute)).isFalse();
		assertThat(stall.stalled(heldBack, 15 * minute)).isTrue();
		List<ReadModels.Progress> readOn = List.of(heldBack.get(0),
				new ReadModels.Progress("history", 5, 7, OptionalLong.of(18), Optional.empty()));
		assertThat(stall.stalled(readOn, 16 * minute)).as("one read further").isFalse();
		assertThat(stall.stalled(readOn, 30 * minute)).isFalse();
		assertThat(stall.stalled(readOn, 31 * minute)).isTrue();
		assertThat(UpgradePreparation.readable(Duration.ofMinutes(15))).isEqualTo("15 min");
		assertThat(UpgradePreparation.readable(Duration.ofSeconds(90))).isEqualTo("90 s");
	}

}
