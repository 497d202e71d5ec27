package org.matterflow.kernel.meeting;

/**
 * The commands to the meeting aggregate.
 */
public sealed interface MeetingCommand permits ScheduleMeeting, RescheduleMeeting, CancelMeeting, AddAgendaItem,
		RenameAgendaItem, WithdrawAgendaItem, ReorderAgenda, AdoptAgenda, OpenMeeting, RecordAttendance,
		RemoveAttendance, AppointMinutesAdjuster, RecordDiscussion, ReviseDiscussion, AttachDocument, RemoveDocument,
		TakeDecision, ReviseDecision, WithdrawDecision, DeferItem, WithdrawDeferral, CloseMeeting, AdjustMinutes,
		CorrectMinutes, CancelMeetingOfDissolvedBody {

	/** The meeting this is about. */
	MeetingId meetingId();

}
