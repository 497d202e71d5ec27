package org.matterflow.kernel.meeting;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.matterflow.kernel.Identifier;

/**
 * Identifies a meeting of a body.
 */
public record MeetingId(@JsonValue String value) {

	public MeetingId {
		Identifier.check(value, "meetingId");
	}

	@JsonCreator
	public static MeetingId of(String value) {
		return new MeetingId(value);
	}

	/**
	 * The event stream of this aggregate: the type is part of it, so ids chosen by
	 * clients never collide across aggregate types in the event store.
	 */
	@Override
	public String toString() {
		return "meeting:" + this.value;
	}

}
