package org.matterflow.kernel.meeting;

import org.matterflow.kernel.Revision;

/**
 * A mistake in adjusted minutes was corrected, with a reason; the original stays in the
 * record.
 */
@Revision("1")
public record MinutesCorrected(MeetingId meetingId, CorrectionId correctionId, AgendaItemId itemId,
		DecisionId decisionId, String what, String correction, String reason) implements MeetingEvent {

}
