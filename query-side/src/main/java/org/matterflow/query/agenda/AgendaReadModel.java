package org.matterflow.query.agenda;

import org.matterflow.query.common.ReadModel;
import org.matterflow.query.common.Statements;
import org.springframework.stereotype.Component;

/** What is coming up for each body: its next meeting and everything waiting for it. */
@Component
class AgendaReadModel extends ReadModel {

	static final String NAME = "agenda";

	AgendaReadModel() {
		// 2: the day a body was dissolved; a referral from a dissolved body hands over
		// 3: titles folded for matching a deferred item (ADR 0017)
		// 4: the assignments to be reported back at the next meeting; the item a matter
		// was referred under
		// 5: documents attached to an item after it was added, and taken off it
		// 6: how precisely each date is known, for what an undated protocol recorded
		// 7: the same for what was recorded before precisions were kept, from its meeting
		super(NAME, 7);
	}

	@Override
	public Object handlerFor(Statements statements) {
		return new AgendaProjection(statements);
	}

}
