package org.matterflow.kernel.meeting;

/** Where the participants of a meeting are. */
public enum MeetingMode {

	IN_PERSON, DIGITAL, HYBRID

}
