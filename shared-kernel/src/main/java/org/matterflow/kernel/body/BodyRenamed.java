package org.matterflow.kernel.body;

import org.matterflow.kernel.Revision;

/**
 * A body was given a new name.
 */
@Revision("1")
public record BodyRenamed(BodyId bodyId, String name, String reason) implements BodyEvent {

}
