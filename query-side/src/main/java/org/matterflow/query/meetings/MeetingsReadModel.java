package org.matterflow.query.meetings;

import org.matterflow.query.common.ReadModel;
import org.matterflow.query.common.Statements;
import org.springframework.stereotype.Component;

/**
 * Meetings with their agenda, attendance, decisions, the assignments, reports back and
 * referrals under their items, and minutes, and the calendar of them all. Version 4 added
 * the assignments, reports back and referrals.
 */
@Component
class MeetingsReadModel extends ReadModel {

	static final String NAME = "meetings";

	MeetingsReadModel() {
		super(NAME, 4);
	}

	@Override
	public Object handlerFor(Statements statements) {
		return new MeetingsProjection(statements);
	}

}
