package org.matterflow.kernel.assignment;

/** A task to carry out and report back, or a mandate to decide on the body's behalf. */
public enum AssignmentKind {

	TASK, MANDATE

}
