package org.matterflow.kernel.body;

import org.matterflow.kernel.Check;

/**
 * Give a body a new name.
 */
public record RenameBody(BodyId bodyId, String name, String reason) implements BodyCommand {

	public RenameBody {
		Check.required(bodyId, "bodyId");
		name = Check.text(name, "name", 200);
		reason = Check.optionalText(reason, "reason", 1000);
	}

}
