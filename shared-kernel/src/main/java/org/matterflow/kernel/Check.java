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

	public static <T> List<T> list(List<T> values) {
		return (values != null) ? List.copyOf(values) : List.of();
	}

	public static <T> List<T> nonEmpty(List<T> values, String field) {
		if (values == null || values.isEmpty()) {
			throw new InvalidValue(field, field + " must name at least one");
		}
		return List.copyOf(values);
	}

}
