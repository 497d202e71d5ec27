package org.matterflow.query.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text as it is searched and matched: one case, one way of writing each letter. The
 * registers' full-text search and the agenda's matching of an item deferred by its title
 * ignore case; PostgreSQL would fold case by the database's {@code LC_CTYPE}, which
 * matterflow does not choose, and under C or POSIX it folds A to Z only, so "översyn"
 * would not find "Översyn". So the read models store their searched text folded here, and
 * the queries fold what they look for the same way, whatever the database's locale.
 * Composed first: "ö" typed as o and a combining diaeresis (as some keyboards and copied
 * PDFs give it) is the same letter as "ö". Spaces count as one, and none at either end: a
 * title typed with two spaces between its words, or one after them, is the title a reader
 * sees.
 */
public final class Folded {

	private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

	private Folded() {
	}

	/** The text folded; no text stays none. */
	public static String of(String text) {
		if (text == null) {
			return null;
		}
		String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
		return SPACES.matcher(composed).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * Texts folded and joined by spaces, none left out: what a full-text search reads.
	 */
	public static String words(String... texts) {
		StringBuilder words = new StringBuilder();
		for (String text : texts) {
			if (text != null) {
				if (!words.isEmpty()) {
					words.append(' ');
				}
				words.append(of(text));
			}
		}
		return words.toString();
	}

}
