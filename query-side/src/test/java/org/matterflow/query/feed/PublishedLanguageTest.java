package org.matterflow.query.feed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.matterflow.kernel.SampleMessages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The published language is pinned in {@code src/test/resources/published-events}: the
 * {@code data} of every published type and version, as integrations receive it. When an
 * internal event changes, this fails before any integration notices: then publish a new
 * version of the type (with its own pinned shape), or keep the published shape by
 * mapping, and document it in docs/integration.md. Approve new shapes with
 * {@code -Dmatterflow.approve-published=true}.
 */
class PublishedLanguageTest {

	private static final Path PUBLISHED = Path.of("src/test/resources/published-events");

	@Test
	void every_event_of_the_model_is_published_under_a_name_of_its_own() {
		assertThat(SampleMessages.eventTypes())
			.allSatisfy((type) -> assertThat(PublishedLanguage.of(type)).as(type.getSimpleName()).isPresent());
		assertThat(new HashSet<>(PublishedLanguage.all().values().stream().map((type) -> type.type()).toList()))
			.hasSize(SampleMessages.eventTypes().size());
	}

	@TestFactory
	Stream<DynamicTest> every_published_type_keeps_its_pinned_data() {
		return SampleMessages.eventTypes().stream().map((type) -> DynamicTest.dynamicTest(type.getSimpleName(), () -> {
			PublishedLanguage.PublishedType published = PublishedLanguage.of(type).orElseThrow();
			Path pinned = PUBLISHED
				.resolve(published.type().substring("org.matterflow.".length()) + ".v" + published.version() + ".json");
			String actual = JsonMapper.builder()
				.enable(SerializationFeature.INDENT_OUTPUT)
				.build()
				.writeValueAsString(CloudEvents.data(SampleMessages.sampleOf(type))) + "\n";
			if (Boolean.getBoolean("matterflow.approve-published")) {
				Files.createDirectories(PUBLISHED);
				Files.writeString(pinned, actual);
			}
			if (!Files.exists(pinned)) {
				fail("no pinned published shape for " + published.type() + " v" + published.version() + " at " + pinned
						+ "; approve it with -Dmatterflow.approve-published=true");
			}
			assertThat(actual).isEqualTo(Files.readString(pinned));
		}));
	}

}
