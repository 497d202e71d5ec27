package org.matterflow.kernel.body;

import java.time.LocalDate;

import org.matterflow.kernel.Revision;

/**
 * A body was established in the collaboration structure.
 */
@Revision("1")
public record BodyEstablished(BodyId bodyId, String name, BodyKind kind, BodyId parentBody, String mission,
		LocalDate establishedOn) implements BodyEvent {

}
