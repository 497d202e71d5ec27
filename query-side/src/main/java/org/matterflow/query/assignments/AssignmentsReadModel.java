package org.matterflow.query.assignments;

import org.matterflow.query.common.ReadModel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every assignment handed out, open or finished, with who holds it and when it is due.
 */
@Component
class AssignmentsReadModel extends ReadModel {

	static final String NAME = "assignments";

	AssignmentsReadModel() {
		super(NAME, 1);
	}

	@Override
	public Object handlerFor(JdbcClient jdbc, String schema) {
		return new AssignmentsProjection(jdbc, schema);
	}

}
