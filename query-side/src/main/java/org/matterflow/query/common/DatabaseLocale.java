package org.matterflow.query.common;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Whether the database folds the case of Swedish letters. The registers' full-text search
 * ({@code to_tsvector('swedish', …)}) and the agenda's matching of an item deferred by
 * its title ({@code lower(…)}) fold case by the database's own character classes, which
 * its {@code LC_CTYPE} sets when it is created: under C or POSIX they fold A to Z only,
 * so "översyn" does not find "Översyn" and "årsmöte" is not "Årsmöte". Nothing fails;
 * answers are silently short. So the query side says so when it starts.
 */
final class DatabaseLocale {

	private DatabaseLocale() {
	}

	/** What an operator should be told, if the database folds only A to Z. */
	static Optional<String> caseFoldingWarning(JdbcClient jdbc) {
		boolean folds = jdbc.sql("SELECT lower('ÅÄÖÜ') = 'åäöü'").query(Boolean.class).single();
		if (folds) {
			return Optional.empty();
		}
		String ctype = jdbc.sql("SELECT datctype FROM pg_database WHERE datname = current_database()")
			.query(String.class)
			.single();
		return Optional.of("PostgreSQL's database has LC_CTYPE " + ctype
				+ ", which folds only A to Z: the Swedish search of the decisions and the matters does not find "
				+ "'översyn' in 'Översyn', and the agenda does not take an item 'Årsmöte' for the one deferred as "
				+ "'årsmöte'. Create the database with a UTF-8 locale (sv_SE.UTF-8, C.UTF-8, en_US.UTF-8) "
				+ "and restore into it (README, Operating)");
	}

}
