package org.matterflow.kernel.matter;

import org.matterflow.kernel.Revision;

/**
 * A closed matter was opened again.
 */
@Revision("1")
public record MatterReopened(MatterId matterId, String reason) implements MatterEvent {

}
