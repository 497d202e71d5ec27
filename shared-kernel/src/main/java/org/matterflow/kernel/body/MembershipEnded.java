package org.matterflow.kernel.body;

import java.time.LocalDate;

import org.matterflow.kernel.Revision;

/**
 * A person's membership of a body ended on a date.
 */
@Revision("1")
public record MembershipEnded(BodyId bodyId, MembershipId membershipId, LocalDate to,
		String reason) implements BodyEvent {

}
