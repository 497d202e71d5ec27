package org.matterflow.kernel.meeting;

import org.matterflow.kernel.Revision;

/**
 * The text of a decision was revised before the minutes were adjusted: the decision now
 * reads {@code text}; what it read before stays in the events before this one.
 */
@Revision("1")
public record DecisionRevised(MeetingId meetingId, DecisionId decisionId, String text,
		String reason) implements MeetingEvent {

}
