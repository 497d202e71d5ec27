package org.matterflow.kernel.body;

import java.time.LocalDate;

import org.matterflow.kernel.PersonId;
import org.matterflow.kernel.Revision;

/**
 * A person was appointed to a body in a role, from a date.
 */
@Revision("1")
public record MemberAppointed(BodyId bodyId, MembershipId membershipId, PersonId personId, String name,
		String organisation, String title, Role role, LocalDate from) implements BodyEvent {

}
