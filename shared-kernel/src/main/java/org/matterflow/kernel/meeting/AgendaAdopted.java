package org.matterflow.kernel.meeting;

import org.matterflow.kernel.Revision;

/**
 * The meeting adopted its agenda (dagordningen fastställdes).
 */
@Revision("1")
public record AgendaAdopted(MeetingId meetingId) implements MeetingEvent {

}
