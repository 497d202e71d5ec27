package org.matterflow.kernel.matter;

import org.matterflow.kernel.Check;

/**
 * Close a matter with an outcome.
 */
public record CloseMatter(MatterId matterId, String outcome) implements MatterCommand {

	public CloseMatter {
		Check.required(matterId, "matterId");
		outcome = Check.text(outcome, "outcome", 4000);
	}

}
