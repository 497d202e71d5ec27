package org.matterflow.command.infrastructure;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import org.axonframework.spring.stereotype.Aggregate;
import org.axonframework.spring.stereotype.Saga;
import org.junit.jupiter.api.Test;
import org.matterflow.kernel.Revision;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A snapshot is the aggregate as JSON, the events it holds included, and no upcaster
 * reads it: a snapshot written before a field was added or renamed would be read into the
 * new shape with that field empty. {@code EventStoreConfiguration} ignores a snapshot
 * whose revision is not the aggregate's, so every change of shape must raise the
 * revision. Each snapshotted aggregate's shape, as Jackson writes it, is pinned in
 * {@code src/test/resources/state-shapes} per revision, as events' are
 * ({@code EventShapeTest}): a change of shape fails here first; then raise the
 * aggregate's {@code @Revision} and write the new shape with
 * {@code -Dmatterflow.approve-shapes=true}. The process manager's stored sagas are pinned
 * beside them.
 */
class StateShapeTest {

	private static final ObjectMapper JSON = EventJson.objectMapper();

	private static final Path SHAPES = Path.of("src/test/resources/state-shapes");

	@Test
	void a_snapshotted_aggregate_keeps_the_shape_pinned_for_its_revision() throws Exception {
		List<Class<?>> snapshotted = snapshotted();
		assertThat(snapshotted).extracting(Class::getSimpleName).contains("MeetingAggregate");

		for (Class<?> aggregate : snapshotted) {
			String revision = aggregate.getAnnotation(Revision.class).value();
			Path pinned = SHAPES.resolve(aggregate.getSimpleName() + ".v" + revision + ".txt");
			String actual = shape(aggregate);
			if (Boolean.getBoolean("matterflow.approve-shapes")) {
				Files.writeString(pinned, actual);
			}
			if (!Files.exists(pinned)) {
				fail("no pinned snapshot shape for " + aggregate.getSimpleName() + " revision " + revision + " at "
						+ pinned + "; approve it with -Dmatterflow.approve-shapes=true");
			}
			assertThat(actual).as("""
					The snapshot shape of %s changed while its revision stayed %s: snapshots written before \
					would be read into the new shape. Raise its @Revision and approve the new shape with \
					-Dmatterflow.approve-shapes=true.""", aggregate.getSimpleName(), revision)
				.isEqualTo(Files.readString(pinned));
		}
	}

	/**
	 * A saga's state is stored as JSON too, with no revision and nothing to rebuild it
	 * from: a watch stored by an earlier version is read into the current shape, a field
	 * added read as its initializer left it, one renamed or removed lost. So its shape is
	 * pinned as well, and a change of it must say in ADR 0014 how the watches stored
	 * before read.
	 */
	@Test
	void a_saga_keeps_its_pinned_shape() throws Exception {
		List<Class<?>> sagas = annotated(Saga.class);
		assertThat(sagas).extracting(Class::getSimpleName).contains("DueAtMeetingWatch");

		for (Class<?> saga : sagas) {
			Path pinned = SHAPES.resolve(saga.getSimpleName() + ".txt");
			String actual = shape(saga);
			if (Boolean.getBoolean("matterflow.approve-shapes")) {
				Files.writeString(pinned, actual);
			}
			assertThat(pinned).as("no pinned shape for %s; approve it with -Dmatterflow.approve-shapes=true", saga)
				.exists();
			assertThat(actual).as("""
					The stored shape of %s changed: the sagas stored before are read into the new shape, a field \
					added as its initializer leaves it, one renamed or removed lost. Say in ADR 0014 how they \
					read, then approve the new shape with -Dmatterflow.approve-shapes=true.""", saga.getSimpleName())
				.isEqualTo(Files.readString(pinned));
		}
	}

	@Test
	void the_shape_names_every_property_jackson_writes_and_what_it_holds() {
		String shape = shape(Fixture.class);

		assertThat(shape).isEqualTo(
				"""
						StateShapeTest.Fixture: held StateShapeTest.Held, names java.util.Map<java.lang.String,StateShapeTest.Held>, plain int
						StateShapeTest.Held: note java.lang.String
						""");
	}

	/** Every aggregate that has a snapshot trigger. */
	private static List<Class<?>> snapshotted() throws ClassNotFoundException {
		return annotated(Aggregate.class).stream()
			.filter((type) -> !type.getAnnotation(Aggregate.class).snapshotTriggerDefinition().isEmpty())
			.toList();
	}

	private static List<Class<?>> annotated(Class<? extends Annotation> annotation) throws ClassNotFoundException {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(annotation));
		List<Class<?>> types = new ArrayList<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents("org.matterflow.command")) {
			types.add(Class.forName(candidate.getBeanClassName()));
		}
		return types;
	}

	/**
	 * One line per type of matterflow's that the snapshot holds: its properties as
	 * Jackson writes them, with their declared types. Enums are values: a new constant
	 * does not change how an old snapshot reads.
	 */
	static String shape(Class<?> root) {
		Map<String, String> lines = new TreeMap<>();
		describe(JSON.constructType(root), lines);
		StringBuilder shape = new StringBuilder();
		lines.forEach((type, properties) -> shape.append(type).append(": ").append(properties).append('\n'));
		return shape.toString();
	}

	private static void describe(JavaType type, Map<String, String> lines) {
		for (int i = 0; i < type.containedTypeCount(); i++) {
			describe(type.containedType(i), lines);
		}
		if (type.getContentType() != null) {
			describe(type.getContentType(), lines);
		}
		Class<?> raw = type.getRawClass();
		if (!raw.getName().startsWith("org.matterflow.") || raw.isEnum() || lines.containsKey(name(raw))) {
			return;
		}
		BeanDescription description = JSON.getSerializationConfig().introspect(type);
		if (description.findJsonValueAccessor() != null) {
			lines.put(name(raw), "(written as its value)");
			return;
		}
		List<String> properties = new ArrayList<>();
		lines.put(name(raw), "");
		for (BeanPropertyDefinition property : description.findProperties()) {
			if (property.couldSerialize()) {
				JavaType propertyType = property.getPrimaryType();
				properties.add(property.getName() + " " + typeName(propertyType));
				describe(propertyType, lines);
			}
		}
		properties.sort(null);
		lines.put(name(raw), String.join(", ", properties));
	}

	private static String typeName(JavaType type) {
		return type.toCanonical().replace(StateShapeTest.class.getName() + "$", "StateShapeTest.");
	}

	private static String name(Class<?> type) {
		return type.getName().replace(StateShapeTest.class.getName() + "$", "StateShapeTest.");
	}

	@com.fasterxml.jackson.annotation.JsonAutoDetect(
			fieldVisibility = com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY)
	static class Fixture {

		private Held held;

		private Map<String, Held> names;

		private int plain;

		private transient String notKept;

		private static final String CONSTANT = "x";

	}

	record Held(String note) {
	}

}
