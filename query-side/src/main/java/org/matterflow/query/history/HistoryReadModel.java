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
		super(NAME, 4);
	}

	@Override
	public Object handlerFor(Statements statements) {
		return new HistoryProjection(statements);
	}

}
