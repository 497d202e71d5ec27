package org.matterflow.kernel;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.matterflow.kernel.assignment.Assignee;
import org.matterflow.kernel.assignment.AssignmentEvent;
import org.matterflow.kernel.assignment.Due;
import org.matterflow.kernel.body.BodyEvent;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.matter.MatterEvent;
import org.matterflow.kernel.meeting.MeetingEvent;
import org.matterflow.kernel.meeting.MeetingId;
import org.matterflow.kernel.meeting.MeetingTime;

/**
 * One filled-in instance of every event of the published language, found through the
 * sealed event interfaces, so a new event is covered by the shape tests without anyone
 * remembering to add it.
 */
public final class SampleMessages {

	private SampleMessages() {
	}

	public static List<Class<?>> eventTypes() {
		return Stream.of(BodyEvent.class, MeetingEvent.class, MatterEvent.class, AssignmentEvent.class)
			.flatMap((sealed) -> Arrays.stream(sealed.getPermittedSubclasses()))
			.toList();
	}

	public static Object sampleOf(Class<?> recordType) {
		RecordComponent[] components = recordType.getRecordComponents();
		Object[] values = new Object[components.length];
		Class<?>[] types = new Class<?>[components.length];
		for (int i = 0; i < components.length; i++) {
			types[i] = components[i].getType();
			values[i] = valueFor(components[i].getName(), components[i].getGenericType());
		}
		try {
			Constructor<?> constructor = recordType.getDeclaredConstructor(types);
			return constructor.newInstance(values);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("cannot build a sample " + recordType.getSimpleName(), ex);
		}
	}

	private static Object valueFor(String name, Type type) {
		if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class) {
			return List.of(valueFor(name, parameterized.getActualTypeArguments()[0]));
		}
		Class<?> raw = (Class<?>) type;
		if (raw == String.class) {
			return name;
		}
		if (raw == LocalDate.class) {
			return LocalDate.of(2025, 1, 22);
		}
		if (raw == int.class || raw == Integer.class) {
			return 1;
		}
		if (raw == boolean.class) {
			return true;
		}
		if (raw.isEnum()) {
			return raw.getEnumConstants()[0];
		}
		if (raw == MeetingTime.class) {
			return new MeetingTime(LocalDate.of(2025, 1, 22), LocalTime.of(13, 0), LocalTime.of(16, 30));
		}
		if (raw == DocumentRef.class) {
			return new DocumentRef("Samverkansplan", "https://documents.example/samverkansplan.pdf");
		}
		if (raw == Assignee.class) {
			return Assignee.person("deepa", "Deepa Singhru");
		}
		if (raw == Due.class) {
			return new Due(LocalDate.of(2025, 6, 5), BodyId.of("chefsgrupp-folkhalsa"), MeetingId.of("2025-06-05"));
		}
		try {
			return raw.getMethod("of", String.class).invoke(null, name);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("no sample value for " + raw, ex);
		}
	}

}
