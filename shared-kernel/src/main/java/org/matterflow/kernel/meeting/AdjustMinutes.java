package org.matterflow.kernel.meeting;

import java.time.LocalDate;
import java.util.List;

import org.matterflow.kernel.Check;

/**
 * Adjust (sign) the minutes, which locks them.
 */
public record AdjustMinutes(MeetingId meetingId, LocalDate adjustedOn,
		List<String> adjustedBy) implements MeetingCommand {

	public AdjustMinutes {
		Check.required(meetingId, "meetingId");
		Check.required(adjustedOn, "adjustedOn");
		adjustedBy = Check.list(adjustedBy, "adjustedBy");
	}

}
