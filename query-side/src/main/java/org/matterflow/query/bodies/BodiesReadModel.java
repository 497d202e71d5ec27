package org.matterflow.query.bodies;

import org.matterflow.query.common.ReadModel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The bodies of the collaboration structure and who sat in them when. */
@Component
class BodiesReadModel extends ReadModel {

	static final String NAME = "bodies";

	BodiesReadModel() {
		super(NAME, 1);
	}

	@Override
	public Object handlerFor(JdbcClient jdbc, String schema) {
		return new BodiesProjection(jdbc, schema);
	}

}
