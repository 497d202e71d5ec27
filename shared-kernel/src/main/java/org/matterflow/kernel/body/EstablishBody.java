package org.matterflow.kernel.body;

import java.time.LocalDate;

import org.matterflow.kernel.Check;

/**
 * Establish a body.
 */
public record EstablishBody(BodyId bodyId, String name, BodyKind kind, BodyId parentBody, String mission,
		LocalDate establishedOn) implements BodyCommand {

	public EstablishBody {
		Check.required(bodyId, "bodyId");
		name = Check.text(name, "name", 200);
		Check.required(kind, "kind");
		mission = Check.optionalText(mission, "mission", 4000);
	}

}
