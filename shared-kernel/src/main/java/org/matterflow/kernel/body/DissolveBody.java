package org.matterflow.kernel.body;

import java.time.LocalDate;

import org.matterflow.kernel.Check;

/**
 * Dissolve a body.
 */
public record DissolveBody(BodyId bodyId, LocalDate dissolvedOn, String reason) implements BodyCommand {

	public DissolveBody {
		Check.required(bodyId, "bodyId");
		Check.required(dissolvedOn, "dissolvedOn");
		reason = Check.optionalText(reason, "reason", 1000);
	}

}
