package org.matterflow.query.meetings;

import org.matterflow.query.common.ReadModel;
import org.matterflow.query.common.Statements;
import org.springframework.stereotype.Component;

/**
 * Meetings with their agenda, attendance, decisions and minutes, and the calendar of them
 * all.
 */
@Component
class MeetingsReadModel extends ReadModel {

	static final String NAME = "meetings";

	MeetingsReadModel() {
		super(NAME, 3);
	}

	@Override
	public Object handlerFor(Statements statements) {
		return new MeetingsProjection(statements);
	}

}
