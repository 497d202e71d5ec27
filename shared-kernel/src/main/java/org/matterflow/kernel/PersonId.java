package org.matterflow.kernel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Identifies a person who sits in bodies, attends meetings and holds assignments.
 */
public record PersonId(@JsonValue String value) {

	public PersonId {
		Identifier.check(value, "personId");
	}

	@JsonCreator
	public static PersonId of(String value) {
		return new PersonId(value);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
