package org.matterflow.query.history;

import org.matterflow.query.common.ReadModel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit trail of every matter: each step across all bodies, in the order it was
 * recorded.
 */
@Component
class HistoryReadModel extends ReadModel {

	static final String NAME = "history";

	HistoryReadModel() {
		super(NAME, 1);
	}

	@Override
	public Object handlerFor(JdbcClient jdbc, String schema) {
		return new HistoryProjection(jdbc, schema);
	}

}
