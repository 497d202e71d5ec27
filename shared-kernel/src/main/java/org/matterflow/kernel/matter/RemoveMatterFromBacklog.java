package org.matterflow.kernel.matter;

import org.matterflow.kernel.Check;
import org.matterflow.kernel.body.BodyId;

/**
 * Take a matter off a body's backlog for coming meetings without taking it up: the theme
 * was dropped, or queued there by mistake.
 */
public record RemoveMatterFromBacklog(MatterId matterId, BodyId bodyId, String reason) implements MatterCommand {

	public RemoveMatterFromBacklog {
		Check.required(matterId, "matterId");
		Check.required(bodyId, "bodyId");
		reason = Check.optionalText(reason, "reason", 1000);
	}

}
