package org.matterflow.kernel.body;

import java.time.LocalDate;

import org.matterflow.kernel.Revision;

/**
 * A body was dissolved and meets no more.
 */
@Revision("1")
public record BodyDissolved(BodyId bodyId, LocalDate dissolvedOn, String reason) implements BodyEvent {

}
