package org.matterflow.kernel;

import java.util.regex.Pattern;

/**
 * The form every id takes. Clients may choose ids (so that a retry never creates twice),
 * so they are short, readable tokens: a UUID, or something like
 * {@code 2025-01-22-folkhalsa}.
 */
public final class Identifier {

	private static final Pattern FORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~-]{0,79}");

	private Identifier() {
	}

	public static String check(String value, String kind) {
		if (value == null || !FORM.matcher(value).matches()) {
			throw new InvalidValue(kind, kind
					+ " must be 1 to 80 letters, digits, '.', '_', '~' or '-', starting with a letter or digit, but was '"
					+ value + "'");
		}
		return value;
	}

}
