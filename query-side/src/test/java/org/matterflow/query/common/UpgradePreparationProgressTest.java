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
	void a_preparation_whose_generation_behind_the_head_reads_nothing_further_for_the_stall_limit_is_stalled() {
		long minute = Duration.ofMinutes(1).toNanos();
		UpgradePreparation.Stall stall = new UpgradePreparation.Stall(Duration.ofMinutes(15));
		ReadModels.Progress heldBack = new ReadModels.Progress("history", 5, 7, OptionalLong.of(17),
				Optional.of("SQLException"));

		assertThat(stall.stalled(List.of(following(1_000), heldBack), 1_000, 0)).isFalse();
		assertThat(stall.stalled(List.of(following(1_100), heldBack), 1_100, 14 * minute)).isFalse();
		assertThat(stall.stalled(List.of(following(1_200), heldBack), 1_200, 15 * minute))
			.as("the agenda following what is recorded meanwhile does not count")
			.isTrue();
		ReadModels.Progress readOn = new ReadModels.Progress("history", 5, 7, OptionalLong.of(18), Optional.empty());
		assertThat(stall.stalled(List.of(following(1_200), readOn), 1_200, 16 * minute)).as("it read further")
			.isFalse();
		assertThat(stall.stalled(List.of(following(1_200), readOn), 1_200, 30 * minute)).isFalse();
		assertThat(stall.stalled(List.of(following(1_200), readOn), 1_200, 31 * minute)).isTrue();
		assertThat(stall.stalled(
				List.of(following(1_200),
						new ReadModels.Progress("history", 5, 7, OptionalLong.of(1_200), Optional.empty())),
				1_200, 60 * minute))
			.as("caught up, however long the store's head stays where it is")
			.isFalse();
		assertThat(UpgradePreparation.readable(Duration.ofMinutes(15))).isEqualTo("15 min");
		assertThat(UpgradePreparation.readable(Duration.ofSeconds(90))).isEqualTo("90 s");
	}

	private static ReadModels.Progress following(long position) {
		return new ReadModels.Progress("agenda", 5, 7, OptionalLong.of(position), Optional.empty());
	}

}
