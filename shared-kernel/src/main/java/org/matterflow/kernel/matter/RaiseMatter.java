package org.matterflow.kernel.matter;

import org.matterflow.kernel.Check;
import org.matterflow.kernel.body.BodyId;

/**
 * Raise a question in a body.
 */
public record RaiseMatter(MatterId matterId, BodyId bodyId, String title, String reference,
		String description) implements MatterCommand {

	public RaiseMatter {
		Check.required(matterId, "matterId");
		Check.required(bodyId, "bodyId");
		title = Check.text(title, "title", 500);
		reference = Check.optionalText(reference, "reference", 100);
		description = Check.optionalText(description, "description", 10000);
	}

}
