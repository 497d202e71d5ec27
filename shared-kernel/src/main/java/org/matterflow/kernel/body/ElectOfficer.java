package org.matterflow.kernel.body;

import java.time.LocalDate;

import org.matterflow.kernel.Check;
import org.matterflow.kernel.PersonId;
import org.matterflow.kernel.meeting.MeetingId;

/**
 * Elect a person chair, vice chair or secretary of a body.
 */
public record ElectOfficer(BodyId bodyId, PersonId personId, String name, Role role, LocalDate from,
		MeetingId atMeeting) implements BodyCommand {

	public ElectOfficer {
		Check.required(bodyId, "bodyId");
		Check.required(personId, "personId");
		name = Check.text(name, "name", 200);
		Check.required(role, "role");
		Check.required(from, "from");
	}

}
