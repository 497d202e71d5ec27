package org.matterflow.kernel.matter;

import org.matterflow.kernel.Check;

/**
 * Open a closed matter again.
 */
public record ReopenMatter(MatterId matterId, String reason) implements MatterCommand {

	public ReopenMatter {
		Check.required(matterId, "matterId");
		reason = Check.text(reason, "reason", 1000);
	}

}
