package org.matterflow.command.matter;

import org.matterflow.kernel.matter.MatterId;

/** What other aggregates may ask about matters before they refer to one. */
public interface Matters {

	/** Refuses unless a matter with this id was raised. */
	void requireExists(MatterId matterId);

}
