package org.matterflow.kernel.assignment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.matterflow.kernel.Identifier;

/**
 * Identifies an assignment (uppdrag) handed out at a meeting.
 */
public record AssignmentId(@JsonValue String value) {

	public AssignmentId {
		Identifier.check(value, "assignmentId");
	}

	@JsonCreator
	public static AssignmentId of(String value) {
		return new AssignmentId(value);
	}

	/**
	 * The event stream of this aggregate: the type is part of it, so ids chosen by
	 * clients never collide across aggregate types in the event store.
	 */
	@Override
	public String toString() {
		return "assignment:" + this.value;
	}

}
