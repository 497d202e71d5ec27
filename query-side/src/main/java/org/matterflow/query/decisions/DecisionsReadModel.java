package org.matterflow.query.decisions;

import org.matterflow.query.common.ReadModel;
import org.matterflow.query.common.Statements;
import org.springframework.stereotype.Component;

/** The decision register: every decision of every body, searchable. */
@Component
class DecisionsReadModel extends ReadModel {

	static final String NAME = "decisions";

	DecisionsReadModel() {
		// 2: the searched words folded, with their vector (ADR 0017)
		// 3: each decision's date with its precision, as its meeting's
		super(NAME, 3);
	}

	@Override
	public Object handlerFor(Statements statements) {
		return new DecisionsProjection(statements);
	}

}
