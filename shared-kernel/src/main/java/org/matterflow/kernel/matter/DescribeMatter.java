package org.matterflow.kernel.matter;

import org.matterflow.kernel.Check;

/**
 * Give a matter a new description: what it is about, as it has become clearer, or mended.
 */
public record DescribeMatter(MatterId matterId, String description, String reason) implements MatterCommand {

	public DescribeMatter {
		Check.required(matterId, "matterId");
		description = Check.text(description, "description", 10000);
		reason = Check.optionalText(reason, "reason", 1000);
	}

}
