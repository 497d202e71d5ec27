package org.matterflow.kernel.matter;

import org.matterflow.kernel.Check;

/**
 * Give a matter a new title: a working title replaced by the one it is known by, or a
 * misspelt one mended.
 */
public record RenameMatter(MatterId matterId, String title, String reason) implements MatterCommand {

	public RenameMatter {
		Check.required(matterId, "matterId");
		title = Check.text(title, "title", 500);
		reason = Check.optionalText(reason, "reason", 1000);
	}

}
