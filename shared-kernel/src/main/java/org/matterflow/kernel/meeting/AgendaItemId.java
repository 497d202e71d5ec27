package org.matterflow.kernel.meeting;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.matterflow.kernel.Identifier;

/**
 * Identifies an item on one meeting's agenda (punkt).
 */
public record AgendaItemId(@JsonValue String value) {

	public AgendaItemId {
		Identifier.check(value, "agendaItemId");
	}

	@JsonCreator
	public static AgendaItemId of(String value) {
		return new AgendaItemId(value);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
