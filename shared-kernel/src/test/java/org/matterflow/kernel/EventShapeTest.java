package org.matterflow.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every stored event's JSON is pinned in {@code src/test/resources/event-shapes}.
 * Changing an event's shape makes this fail first: then either undo the change, or give
 * the event a new revision with an upcaster and write the new shape with
 * {@code -Dmatterflow.approve-shapes=true}.
 */
class EventShapeTest {

	private static final Path SHAPES = Path.of("src/test/resources/event-shapes");

	private final ObjectMapper json = JsonMapper.builder()
		.addModule(new JavaTimeModule())
		.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
		.enable(SerializationFeature.INDENT_OUTPUT)
		.build();

	@TestFactory
	Stream<DynamicTest> every_event_keeps_its_pinned_json_shape() {
		return SampleMessages.eventTypes().stream().map((type) -> DynamicTest.dynamicTest(type.getSimpleName(), () -> {
			String revision = type.getAnnotation(Revision.class).value();
			Path shape = SHAPES.resolve(type.getSimpleName() + ".v" + revision + ".json");
			String actual = this.json.writeValueAsString(SampleMessages.sampleOf(type)) + "\n";
			if (Boolean.getBoolean("matterflow.approve-shapes")) {
				Files.writeString(shape, actual);
			}
			if (!Files.exists(shape)) {
				fail("no pinned shape for " + type.getSimpleName() + " revision " + revision + " at " + shape
						+ "; approve it with -Dmatterflow.approve-shapes=true");
			}
			assertThat(actual).isEqualTo(Files.readString(shape));
		}));
	}

	@TestFactory
	Stream<DynamicTest> every_event_survives_a_json_round_trip_unchanged() {
		return SampleMessages.eventTypes().stream().map((type) -> DynamicTest.dynamicTest(type.getSimpleName(), () -> {
			Object event = SampleMessages.sampleOf(type);
			Object read = this.json.readValue(this.json.writeValueAsString(event), type);
			assertThat(read).isEqualTo(event);
		}));
	}

	/**
	 * The store keeps every event as it was written. A revision that only adds a field
	 * needs no upcaster: what an older event did not record reads as empty, and
	 * everything it did record reads unchanged. A revision that changes more than that
	 * fails here until an upcaster says what the older shape means.
	 */
	@TestFactory
	Stream<DynamicTest> an_event_of_an_older_revision_reads_with_what_it_did_not_record_left_empty()
			throws IOException {
		try (Stream<Path> shapes = Files.list(SHAPES)) {
			List<Path> older = shapes.filter((shape) -> {
				Class<?> type = typeOf(shape);
				return !shape.getFileName()
					.toString()
					.equals(type.getSimpleName() + ".v" + type.getAnnotation(Revision.class).value() + ".json");
			}).sorted().toList();
			assertThat(older).as("pinned shapes of older revisions").isNotEmpty();
			return older.stream().map((shape) -> DynamicTest.dynamicTest(shape.getFileName().toString(), () -> {
				JsonNode stored = this.json.readTree(shape.toFile());
				Object read = this.json.treeToValue(stored, typeOf(shape));
				JsonNode current = this.json.valueToTree(read);
				current.fieldNames().forEachRemaining((field) -> {
					if (stored.has(field)) {
						assertThat(current.get(field)).as(field).isEqualTo(stored.get(field));
					}
					else {
						assertThat(current.get(field).isNull()).as("%s, which the older revision lacks", field)
							.isTrue();
					}
				});
				stored.fieldNames()
					.forEachRemaining((field) -> assertThat(current.has(field)).as("%s still read", field).isTrue());
			}));
		}
	}

	private static Class<?> typeOf(Path shape) {
		String name = shape.getFileName().toString();
		String simpleName = name.substring(0, name.indexOf(".v"));
		return SampleMessages.eventTypes()
			.stream()
			.filter((type) -> type.getSimpleName().equals(simpleName))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no event type for the pinned shape " + name));
	}

	@TestFactory
	Stream<DynamicTest> every_event_is_a_record_with_a_revision() {
		return SampleMessages.eventTypes().stream().map((type) -> DynamicTest.dynamicTest(type.getSimpleName(), () -> {
			assertThat(type.isRecord()).as("%s is a record", type).isTrue();
			assertThat(type.getAnnotation(Revision.class)).as("%s has @Revision", type).isNotNull();
		}));
	}

	@Test
	void an_id_reads_and_writes_as_a_plain_string() throws IOException {
		assertThat(this.json.writeValueAsString(org.matterflow.kernel.body.BodyId.of("chefsgrupp")))
			.isEqualTo("\"chefsgrupp\"");
		assertThat(this.json.readValue("\"chefsgrupp\"", org.matterflow.kernel.body.BodyId.class))
			.isEqualTo(org.matterflow.kernel.body.BodyId.of("chefsgrupp"));
	}

}
