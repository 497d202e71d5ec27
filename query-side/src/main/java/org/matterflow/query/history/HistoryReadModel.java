package org.matterflow.query.history;

import org.matterflow.query.common.ReadModel;
import org.matterflow.query.common.Statements;
import org.springframework.stereotype.Component;

/**
 * The audit trail of every matter: each step across all bodies, in the order it was
 * recorded.
 */
@Component
class HistoryReadModel extends ReadModel {

	static final String NAME = "history";

	HistoryReadModel() {
		// 4: a matter's searched words and registration number folded (ADR 0017)
		// 5: the steps taken back, kept beside the trail (ADR 0018)
		// 6: a meeting's precision, for what was recorded at it before precisions were
		// kept
		// 7: the same for the matters its record raised or closed before scheduling it
		super(NAME, 7);
	}

	@Override
	public Object handlerFor(Statements statements) {
		return new HistoryProjection(statements);
	}

}
