package org.matterflow.command.body;

import java.time.LocalDate;

import org.matterflow.kernel.body.BodyId;

/** What other aggregates may ask about bodies before they refer to one. */
public interface Bodies {

	/**
	 * Refuses unless the body has been established, dissolved or not: a body's place in
	 * the structure may be recorded after its parent was dissolved.
	 */
	void requireEstablished(BodyId bodyId);

	/** Refuses unless the body exists and is not dissolved. */
	void requireActive(BodyId bodyId);

	/**
	 * Refuses unless the body exists on the given day, so that it can hold a meeting
	 * then: established by that day and not dissolved before it.
	 */
	void requireMeetsOn(BodyId bodyId, LocalDate day);

}
