package org.matterflow.kernel.matter;

import org.matterflow.kernel.Revision;

/**
 * A matter was closed with an outcome.
 */
@Revision("1")
public record MatterClosed(MatterId matterId, String outcome) implements MatterEvent {

}
