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
		// 2: the day an assignment became overdue for (overdue_on)
		// 3: bodies dissolved and meetings cancelled, for a due that cannot come about
		// 4: the words of each assignment's description, folded, for the search (ADR
		// 0017)
		// 5: how precisely the day of its hand-out is known
		// 6: the same for what was handed out before precisions were kept, from its
		// meeting
		super(NAME, 6);
	}

	@Override
	public Object handlerFor(Statements statements) {
		return new AssignmentsProjection(statements);
	}

}
