package org.matterflow.kernel.matter;

import org.matterflow.kernel.Revision;
import org.matterflow.kernel.body.BodyId;

/**
 * A question was raised in a body and became a matter.
 */
@Revision("1")
public record MatterRaised(MatterId matterId, BodyId bodyId, String title, String reference,
		String description) implements MatterEvent {

}
