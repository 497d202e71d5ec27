package org.matterflow.kernel.meeting;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.matterflow.kernel.Identifier;

/**
 * Identifies a decision (beslut) taken at a meeting.
 */
public record DecisionId(@JsonValue String value) {

	public DecisionId {
		Identifier.check(value, "decisionId");
	}

	@JsonCreator
	public static DecisionId of(String value) {
		return new DecisionId(value);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
