package org.matterflow.query.common;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Names in the order a Swedish reader looks for them: Å, Ä and Ö after Z and in that
 * order, Ü with Y, a small initial beside its capital, word by word. PostgreSQL orders
 * text by the locale its database was created with, which matterflow does not choose:
 * under C, Ä comes before Å and every small initial after every capital; under en_US, Å
 * and Ä are filed with A and Ö with O. So lists of names (bodies, members, participants,
 * assignees) are put in order here, after they are read.
 */
public final class SwedishOrder {

	private static final Collator SWEDISH = Collator.getInstance(Locale.forLanguageTag("sv-SE"));

	private static final Pattern WORDS = Pattern.compile("\\s+");

	/** Two names in Swedish order; no name after every name. */
	public static final Comparator<String> NAMES = Comparator.nullsLast(SwedishOrder::compare);

	private SwedishOrder() {
	}

	/** The rows ordered by a column of names, rows with the same name as they came. */
	public static List<Map<String, Object>> byName(List<Map<String, Object>> rows, String column) {
		List<Map<String, Object>> ordered = new ArrayList<>(rows);
		ordered.sort(Comparator.comparing((row) -> (String) row.get(column), NAMES));
		return ordered;
	}

	/**
	 * Word by word, as an index or a register files names: "Arbetsgrupp för samverkan"
	 * before "Arbetsgruppen för kunskap". Java's collator alone passes over spaces and
	 * would compare "Arbetsgruppför" with "Arbetsgruppenför".
	 */
	private static int compare(String one, String other) {
		String[] ones = WORDS.split(one.strip());
		String[] others = WORDS.split(other.strip());
		for (int i = 0; i < Math.min(ones.length, others.length); i++) {
			int word = compareWords(ones[i], others[i]);
			if (word != 0) {
				return word;
			}
		}
		return Integer.compare(ones.length, others.length);
	}

	private static int compareWords(String one, String other) {
		// a Collator is not safe for concurrent use; this is its only use here
		synchronized (SWEDISH) {
			return SWEDISH.compare(one, other);
		}
	}

}
