package org.matterflow.kernel.meeting;

import java.time.LocalDate;
import java.util.List;

import org.matterflow.kernel.Revision;

/**
 * The minutes were adjusted (justerade) and became a locked public record.
 */
@Revision("1")
public record MinutesAdjusted(MeetingId meetingId, LocalDate adjustedOn,
		List<String> adjustedBy) implements MeetingEvent {

}
