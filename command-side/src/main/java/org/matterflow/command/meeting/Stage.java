package org.matterflow.command.meeting;

/**
 * Where a meeting is in its life; each stage allows fewer changes than the one before.
 */
enum Stage {

	SCHEDULED, CANCELLED, OPENED, CLOSED, ADJUSTED

}
