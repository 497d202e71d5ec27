package org.matterflow.kernel.assignment;

/**
 * The events recorded by the assignment aggregate.
 */
public sealed interface AssignmentEvent
		permits AssignmentHandedOut, AssignmentRevised, AssignmentDueDateChanged, AssignmentReassigned,
		AssignmentReportedBack, AssignmentCompleted, AssignmentWithdrawn, AssignmentBecameOverdue {

	/** The assignment this is about. */
	AssignmentId assignmentId();

}
