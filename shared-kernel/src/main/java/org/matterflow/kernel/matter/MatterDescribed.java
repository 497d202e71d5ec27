package org.matterflow.kernel.matter;

import org.matterflow.kernel.Revision;

/**
 * A matter was given a new description; the events before keep the one it had then.
 */
@Revision("1")
public record MatterDescribed(MatterId matterId, String description, String reason) implements MatterEvent {

}
