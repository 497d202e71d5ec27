package org.matterflow.command.body;

import java.time.LocalDate;

import org.matterflow.kernel.body.BodyId;

/** What other aggregates may ask about bodies before they refer to one. */
public interface Bodies {

	/** Refuses unless the body exists and is not dissolved. */
	void requireActive(BodyId bodyId);

	/**
	 * Refuses unless the body exists, is not dissolved and had been established by the
	 * given day, so that it can hold a meeting on that day.
	 */
	void requireMeetsOn(BodyId bodyId, LocalDate day);

}
