package org.matterflow.query.history;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The steps that take back one recorded by mistake (ADR 0018). They name the body of the
 * step they take back, and like it they count for no body the matter passed through.
 */
final class TakenBack {

	static final Set<String> TAKING_BACK = Set.of("REFERRAL_WITHDRAWN", "REMOVED_FROM_BACKLOG", "DECISION_WITHDRAWN",
			"DEFERRAL_WITHDRAWN");

	static final String TAKING_BACK_IN_SQL = TAKING_BACK.stream()
		.sorted()
		.map((kind) -> "'" + kind + "'")
		.collect(Collectors.joining(", ", "(", ")"));

	private TakenBack() {
	}

}
