package org.matterflow.kernel.assignment;

/**
 * The commands to the assignment aggregate.
 */
public sealed interface AssignmentCommand permits HandOutAssignment, ReviseAssignment, ChangeAssignmentDueDate,
		ReassignAssignment, ReportBackAssignment, CompleteAssignment, WithdrawAssignment, MarkAssignmentOverdue {

	/** The assignment this is about. */
	AssignmentId assignmentId();

}
