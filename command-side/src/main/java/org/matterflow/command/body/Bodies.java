package org.matterflow.command.body;

import org.matterflow.kernel.body.BodyId;

/** What other aggregates may ask about bodies before they refer to one. */
public interface Bodies {

	/** Refuses unless the body exists and is not dissolved. */
	void requireActive(BodyId bodyId);

}
