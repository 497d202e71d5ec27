package org.matterflow.kernel.meeting;

/**
 * The events recorded by the meeting aggregate.
 */
public sealed interface MeetingEvent permits MeetingScheduled, MeetingRescheduled, MeetingCancelled, AgendaItemAdded,
		AgendaItemRenamed, AgendaItemWithdrawn, AgendaReordered, AgendaAdopted, MeetingOpened, AttendanceRecorded,
		AttendanceRemoved, MinutesAdjusterAppointed, ItemDiscussed, DiscussionRevised, DocumentAttached,
		DocumentRemoved, DecisionTaken, DecisionRevised, DecisionWithdrawn, ItemDeferred, DeferralWithdrawn,
		MeetingClosed, MinutesAdjusted, MinutesCorrected {

	/** The meeting this is about. */
	MeetingId meetingId();

}
