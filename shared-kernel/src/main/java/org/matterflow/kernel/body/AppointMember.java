package org.matterflow.kernel.body;

import java.time.LocalDate;

import org.matterflow.kernel.Check;
import org.matterflow.kernel.PersonId;

/**
 * Appoint a person to a body in a role.
 */
public record AppointMember(BodyId bodyId, MembershipId membershipId, PersonId personId, String name,
		String organisation, String title, Role role, LocalDate from) implements BodyCommand {

	public AppointMember {
		Check.required(bodyId, "bodyId");
		Check.required(membershipId, "membershipId");
		Check.required(personId, "personId");
		name = Check.text(name, "name", 200);
		organisation = Check.optionalText(organisation, "organisation", 200);
		title = Check.optionalText(title, "title", 200);
		Check.required(role, "role");
		Check.required(from, "from");
	}

}
