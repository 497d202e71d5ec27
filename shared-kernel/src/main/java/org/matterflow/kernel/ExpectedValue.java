package org.matterflow.kernel;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a field or parameter takes, in the words of a refusal: "one of INFORMATION,
 * DISCUSSION, …", "a date as YYYY-MM-DD". A secretary or an integrator who sent a value
 * that could not be read learns from the refusal itself what to send instead, without
 * looking it up in the API's documentation.
 */
public final class ExpectedValue {

	private ExpectedValue() {
	}

	/** What a value of this type is written as, if it can be said plainly. */
	public static Optional<String> of(Class<?> type) {
		if (type == null) {
			return Optional.empty();
		}
		if (type.isEnum()) {
			return Optional.of("one of " + Arrays.stream(type.getEnumConstants())
				.map((constant) -> ((Enum<?>) constant).name())
				.collect(Collectors.joining(", ")));
		}
		if (type == LocalDate.class) {
			return Optional.of("a date as YYYY-MM-DD, such as 2025-05-22");
		}
		if (type == LocalTime.class) {
			return Optional.of("a time as HH:MM, such as 09:30");
		}
		if (type == Instant.class || type == OffsetDateTime.class) {
			return Optional.of("a date and time with its offset, such as 2025-05-22T09:30:00+02:00");
		}
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class
				|| type == short.class || type == Short.class) {
			return Optional.of("a whole number");
		}
		if (type == double.class || type == Double.class || type == BigDecimal.class) {
			return Optional.of("a number");
		}
		if (type == boolean.class || type == Boolean.class) {
			return Optional.of("true or false");
		}
		if (type == String.class || isWrittenAsText(type)) {
			return Optional.of("text");
		}
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			return Optional.of("a list");
		}
		if (type.isRecord() || Map.class.isAssignableFrom(type)) {
			return Optional.of("an object");
		}
		return Optional.empty();
	}

	/** An id of the kernel: a record of one value, written as that value's text. */
	private static boolean isWrittenAsText(Class<?> type) {
		if (!type.isRecord()) {
			return false;
		}
		RecordComponent[] components = type.getRecordComponents();
		return components.length == 1 && components[0].getType() == String.class
				&& components[0].getAccessor().isAnnotationPresent(JsonValue.class);
	}

}
