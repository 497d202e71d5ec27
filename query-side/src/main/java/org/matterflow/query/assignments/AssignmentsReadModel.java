package org.matterflow.query.assignments;

import org.matterflow.query.common.ReadModel;
import org.matterflow.query.common.Statements;
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
	public Object handlerFor(Statements statements) {
		return new AssignmentsProjection(statements);
	}

}
