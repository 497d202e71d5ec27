package org.matterflow.kernel.meeting;

/** What an agenda item is for. */
public enum ItemKind {

	INFORMATION, DISCUSSION, DECISION, REPORT

}
