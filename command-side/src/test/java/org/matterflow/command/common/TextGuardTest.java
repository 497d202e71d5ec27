package org.matterflow.command.common;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.matterflow.kernel.InvalidValue;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextGuardTest {

	record Document(String title) {
	}

	record Command(String name, List<Document> documents, Map<String, String> notes) {
	}

	@Test
	void a_nul_anywhere_in_a_command_is_refused_naming_where() {
		assertThatThrownBy(
				() -> TextGuard.check(new Command("x", List.of(new Document("a"), new Document("b\u0000")), Map.of())))
			.isInstanceOf(InvalidValue.class)
			.hasMessage("documents[1].title must not hold the character U+0000");
		assertThatThrownBy(() -> TextGuard.check(new Command("x", List.of(), Map.of("place", "\u0000"))))
			.isInstanceOf(InvalidValue.class)
			.hasMessage("notes.place must not hold the character U+0000");
	}

	@Test
	void half_a_surrogate_pair_is_refused_and_a_whole_one_kept() {
		assertThatThrownBy(() -> TextGuard.check(new Command("Grupp \ud800 x", null, null)))
			.isInstanceOf(InvalidValue.class)
			.hasMessage("name must be Unicode text, but holds half of a surrogate pair");
		assertThatThrownBy(() -> TextGuard.check(new Command("\udc00", null, null))).isInstanceOf(InvalidValue.class);
		assertThatCode(() -> TextGuard.check(new Command("Möte \ud83d\udcc5", null, null))).doesNotThrowAnyException();
	}

	@Test
	void other_control_characters_pasted_from_a_word_processor_are_kept() {
		assertThatCode(() -> TextGuard.check(new Command("rad ett\u000brad två\ttab\r\n", null, null)))
			.doesNotThrowAnyException();
	}

}
