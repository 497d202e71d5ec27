package org.matterflow.query.agenda;

import org.matterflow.query.common.ReadModel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What is coming up for each body: its next meeting and everything waiting for it. */
@Component
class AgendaReadModel extends ReadModel {

	static final String NAME = "agenda";

	AgendaReadModel() {
		super(NAME, 1);
	}

	@Override
	public Object handlerFor(JdbcClient jdbc, String schema) {
		return new AgendaProjection(jdbc, schema);
	}

}
