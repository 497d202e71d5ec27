package org.matterflow.kernel.matter;

import org.matterflow.kernel.Revision;
import org.matterflow.kernel.body.BodyId;

/**
 * A matter was put on a body's backlog for coming meetings.
 */
@Revision("1")
public record MatterQueued(MatterId matterId, BodyId bodyId, Integer priority, String note) implements MatterEvent {

}
