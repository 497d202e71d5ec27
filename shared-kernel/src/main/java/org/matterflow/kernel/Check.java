package org.matterflow.kernel;

import java.util.List;

/**
 * Guards used by the compact constructors of commands and values. Events never use them:
 * an event that was once stored must always be readable again.
 */
public final class Check {

	private Check() {
	}

	public static <T> T required(T value, String field) {
		if (value == null) {
			throw new InvalidValue(field, field + " is required");
		}
		return value;
	}

	public static String text(String value, String field, int maxLength) {
		if (value == null || value.isBlank()) {
			throw new InvalidValue(field, field + " must not be blank");
		}
		String trimmed = value.strip();
		if (trimmed.length() > maxLength) {
			throw new InvalidValue(field, field + " must be at most " + maxLength + " characters");
		}
		return trimmed;
	}

	public static String optionalText(String value, String field, int maxLength) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return text(value, field, maxLength);
	}

	/** A list that may be missing (then empty), but holds no empty entry. */
	public static <T> List<T> list(List<T> values, String field) {
		return (values != null) ? entries(values, field) : List.of();
	}

	public static <T> List<T> nonEmpty(List<T> values, String field) {
		if (values == null || values.isEmpty()) {
			throw new InvalidValue(field, field + " must name at least one");
		}
		return entries(values, field);
	}

	// JSON's [null] reads as a list holding null, which List.copyOf would refuse with a
	// NullPointerException: a server error for a client's mistake
	private static <T> List<T> entries(List<T> values, String field) {
		for (int i = 0; i < values.size(); i++) {
			if (values.get(i) == null) {
				throw new InvalidValue(field,
						field + " must not hold an empty entry, but entry " + (i + 1) + " is null");
			}
		}
		return List.copyOf(values);
	}

}
