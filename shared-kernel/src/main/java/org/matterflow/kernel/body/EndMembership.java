package org.matterflow.kernel.body;

import java.time.LocalDate;

import org.matterflow.kernel.Check;

/**
 * End a membership on a date.
 */
public record EndMembership(BodyId bodyId, MembershipId membershipId, LocalDate to,
		String reason) implements BodyCommand {

	public EndMembership {
		Check.required(bodyId, "bodyId");
		Check.required(membershipId, "membershipId");
		Check.required(to, "to");
		reason = Check.optionalText(reason, "reason", 1000);
	}

}
