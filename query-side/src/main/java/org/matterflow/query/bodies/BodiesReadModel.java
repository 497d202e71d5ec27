package org.matterflow.query.bodies;

import org.matterflow.query.common.ReadModel;
import org.matterflow.query.common.Statements;
import org.springframework.stereotype.Component;

/** The bodies of the collaboration structure and who sat in them when. */
@Component
class BodiesReadModel extends ReadModel {

	static final String NAME = "bodies";

	BodiesReadModel() {
		super(NAME, 1);
	}

	@Override
	public Object handlerFor(Statements statements) {
		return new BodiesProjection(statements);
	}

}
