package org.matterflow.kernel.matter;

import org.matterflow.kernel.Revision;
import org.matterflow.kernel.body.BodyId;

/**
 * A matter was taken off a body's backlog without being taken up there.
 */
@Revision("1")
public record MatterRemovedFromBacklog(MatterId matterId, BodyId bodyId, String reason) implements MatterEvent {

}
