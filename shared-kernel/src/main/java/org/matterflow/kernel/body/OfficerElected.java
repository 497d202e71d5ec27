package org.matterflow.kernel.body;

import java.time.LocalDate;

import org.matterflow.kernel.PersonId;
import org.matterflow.kernel.Revision;
import org.matterflow.kernel.meeting.MeetingId;

/**
 * A person was elected chair, vice chair or secretary of a body.
 */
@Revision("1")
public record OfficerElected(BodyId bodyId, PersonId personId, String name, Role role, LocalDate from,
		MeetingId atMeeting) implements BodyEvent {

}
