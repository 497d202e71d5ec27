package org.matterflow.kernel.matter;

import org.matterflow.kernel.Revision;

/**
 * A matter was given a new title; the steps before keep the title it had then.
 */
@Revision("1")
public record MatterRenamed(MatterId matterId, String title, String reason) implements MatterEvent {

}
