package org.matterflow.kernel.matter;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.matterflow.kernel.Identifier;

/**
 * Identifies a matter (ärende): a question that travels from body to body.
 */
public record MatterId(@JsonValue String value) {

	public MatterId {
		Identifier.check(value, "matterId");
	}

	@JsonCreator
	public static MatterId of(String value) {
		return new MatterId(value);
	}

	/**
	 * The event stream of this aggregate: the type is part of it, so ids chosen by
	 * clients never collide across aggregate types in the event store.
	 */
	@Override
	public String toString() {
		return "matter:" + this.value;
	}

}
