package org.matterflow.kernel.body;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.matterflow.kernel.Identifier;

/**
 * Identifies a body: a council, a management group, a county-part group, a working group.
 */
public record BodyId(@JsonValue String value) {

	public BodyId {
		Identifier.check(value, "bodyId");
	}

	@JsonCreator
	public static BodyId of(String value) {
		return new BodyId(value);
	}

	/**
	 * The event stream of this aggregate: the type is part of it, so ids chosen by
	 * clients never collide across aggregate types in the event store.
	 */
	@Override
	public String toString() {
		return "body:" + this.value;
	}

}
