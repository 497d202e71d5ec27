package org.matterflow.kernel.meeting;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.matterflow.kernel.Identifier;

/**
 * Identifies a recorded correction of adjusted minutes.
 */
public record CorrectionId(@JsonValue String value) {

	public CorrectionId {
		Identifier.check(value, "correctionId");
	}

	@JsonCreator
	public static CorrectionId of(String value) {
		return new CorrectionId(value);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
