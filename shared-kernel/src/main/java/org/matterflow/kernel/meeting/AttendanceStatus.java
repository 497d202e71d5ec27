package org.matterflow.kernel.meeting;

/** How a person took part in a meeting. */
public enum AttendanceStatus {

	/** In the room. */
	PRESENT,
	/** Took part digitally. */
	DIGITAL,
	/** Was called but did not come (struck through in the participant list). */
	ABSENT,
	/** Invited for named items only. */
	GUEST

}
