package org.matterflow.query.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FoldedTest {

	@Test
	void swedish_capitals_fold_to_their_small_letters() {
		assertThat(Folded.of("ÅRSMÖTE i Älvdalen")).isEqualTo("årsmöte i älvdalen");
	}

	@Test
	void a_letter_written_with_a_combining_mark_folds_to_the_same_text_as_the_letter_itself() {
		assertThat(Folded.of("O\u0308versyn")).isEqualTo("översyn").isEqualTo(Folded.of("Översyn"));
	}

	@Test
	void spaces_count_as_one_and_none_at_either_end() {
		assertThat(Folded.of(" Lokal  handlingsplan\t")).isEqualTo("lokal handlingsplan");
		assertThat(Folded.of("RS\u00a02023/123")).as("a no-break space, as word processors put after RS")
			.isEqualTo("rs 2023/123");
	}

	@Test
	void no_text_stays_none_and_words_leave_it_out() {
		assertThat(Folded.of(null)).isNull();
		assertThat(Folded.words("Översyn", null, "RS 2025/17")).isEqualTo("översyn rs 2025/17");
		assertThat(Folded.words(null, null)).isEmpty();
	}

}
