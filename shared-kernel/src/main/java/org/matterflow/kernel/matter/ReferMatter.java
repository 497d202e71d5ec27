package org.matterflow.kernel.matter;

import org.matterflow.kernel.Check;
import org.matterflow.kernel.InvalidValue;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.meeting.AgendaItemId;
import org.matterflow.kernel.meeting.MeetingId;

/**
 * Send a matter from one body to another; at a meeting, under the item where it was
 * decided, if the minutes say which.
 */
public record ReferMatter(MatterId matterId, BodyId fromBody, BodyId toBody, ReferralPurpose purpose,
		MeetingId atMeeting, AgendaItemId itemId, String note) implements MatterCommand {

	public ReferMatter {
		Check.required(matterId, "matterId");
		Check.required(fromBody, "fromBody");
		Check.required(toBody, "toBody");
		Check.required(purpose, "purpose");
		if (itemId != null && atMeeting == null) {
			throw new InvalidValue("itemId", "itemId names an item of the meeting in atMeeting, which is missing");
		}
		note = Check.optionalText(note, "note", 4000);
	}

}
