package org.matterflow.query.common;

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

}
