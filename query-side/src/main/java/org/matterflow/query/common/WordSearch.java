package org.matterflow.query.common;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.matterflow.kernel.InvalidValue;

/**
 * The registers' search ({@code q}): a row matches when the text it searches holds every
 * word asked for, each either as PostgreSQL's Swedish stemming matches it
 * ({@code plainto_tsquery}: "länsdelen" finds "länsdelarna") or, from three letters on,
 * somewhere within its words. Swedish joins words into compounds
 * ("föräldraskapsstödsstrategin", "samverkansplanerna"), and stemming matches whole words
 * only: a search for "samverkan" or "strategi" would miss every compound that holds it.
 * Shorter words ("ÖK", "rs") are matched as words only, since within words they are
 * nearly everywhere; stop words ("och", "i") are passed over, as stemming passes over
 * them. Both read the read model's folded {@code words} (ADR 0017) and their stored
 * text-search vector {@code words_vector}.
 */
public final class WordSearch {

	private static final Pattern BETWEEN_WORDS = Pattern.compile("[^\\p{L}\\p{M}\\p{N}]+");

	/**
	 * Each word is looked for in every row the other filters leave; a search of hundreds
	 * of words, which no one types, would keep a database connection busy for seconds.
	 */
	static final int MOST_WORDS = 32;

	/** The fewest letters a word has that is looked for within other words. */
	private static final int SHORTEST_PART = 3;

	private WordSearch() {
	}

	/**
	 * Appends the condition for the search {@code q} on the row {@code alias} to
	 * {@code where}, and its parameters to {@code params}.
	 */
	public static void append(StringBuilder where, List<Object> params, String alias, String q) {
		String folded = Folded.of(q);
		List<String> words = Arrays.stream(BETWEEN_WORDS.split(folded))
			.filter((word) -> !word.isEmpty())
			.distinct()
			.toList();
		if (words.size() > MOST_WORDS) {
			throw new InvalidValue("q",
					"q must hold at most " + MOST_WORDS + " different words, but held " + words.size());
		}
		if (words.isEmpty()) {
			// q holds no word: it finds nothing, as plainto_tsquery would
			where.append(" AND false");
			return;
		}
		for (String word : words) {
			// Subqueries, so that each tsquery is made once (an init plan): in a
			// generic plan PostgreSQL would make it again for every row, a search of
			// 100,000 decisions taking 108 ms instead of 36 (measured on PostgreSQL 15).
			where.append(" AND ((SELECT numnode(plainto_tsquery('swedish', ?)) = 0) OR ")
				.append(alias)
				.append(".words_vector @@ (SELECT plainto_tsquery('swedish', ?))");
			params.add(word);
			params.add(word);
			if (word.codePointCount(0, word.length()) >= SHORTEST_PART) {
				// letters, marks and digits only: nothing LIKE reads as a wildcard
				where.append(" OR ").append(alias).append(".words LIKE ?");
				params.add("%" + word + "%");
			}
			where.append(")");
		}
	}

}
