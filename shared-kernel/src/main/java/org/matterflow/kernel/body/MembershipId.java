package org.matterflow.kernel.body;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.matterflow.kernel.Identifier;

/**
 * Identifies one period of one person's membership of a body.
 */
public record MembershipId(@JsonValue String value) {

	public MembershipId {
		Identifier.check(value, "membershipId");
	}

	@JsonCreator
	public static MembershipId of(String value) {
		return new MembershipId(value);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
