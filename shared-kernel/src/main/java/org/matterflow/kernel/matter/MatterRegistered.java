package org.matterflow.kernel.matter;

import org.matterflow.kernel.Revision;

/**
 * A matter was registered in the diary under a registration number (diarienummer), which
 * replaces any recorded before.
 */
@Revision("1")
public record MatterRegistered(MatterId matterId, String reference, String reason) implements MatterEvent {

}
