package org.matterflow.kernel;

/**
 * Why a command was refused. Part of the published language: clients read the code from
 * the {@code code} member of a problem response, so a code, once published, keeps its
 * name.
 */
public enum ErrorCode {

	/** The request did not have the shape of the command. */
	INVALID_REQUEST,
	/** No body, meeting, matter, assignment, item or membership has that id. */
	UNKNOWN_ID,
	/**
	 * The side has no address of that path: a misspelt path, or a read sent to the
	 * command side (since 2026-12-07; until then such a problem had no code).
	 */
	UNKNOWN_PATH,
	/** The id is already taken by something with different content. */
	DUPLICATE_ID,
	/** The client saw an older version than the one now stored. */
	STALE_VERSION,
	/** The meeting was cancelled. */
	MEETING_CANCELLED,
	/** The meeting has not been opened yet. */
	MEETING_NOT_OPENED,
	/** The meeting was already opened, so this can no longer be done. */
	MEETING_ALREADY_OPENED,
	/**
	 * The meeting's day has not come, so its record cannot be opened yet; a meeting held
	 * earlier than planned is rescheduled first.
	 */
	BEFORE_MEETING_DAY,
	/** The meeting was already closed. */
	MEETING_CLOSED,
	/** The meeting has not been closed yet. */
	MEETING_NOT_CLOSED,
	/** The minutes are adjusted: only a correction with a reason can change them. */
	MINUTES_ADJUSTED,
	/** The minutes are not adjusted yet, so there is nothing to correct. */
	MINUTES_NOT_ADJUSTED,
	/** The agenda item is not on this meeting's agenda. */
	ITEM_NOT_ON_AGENDA,
	/** A reason is needed for this change. */
	REASON_REQUIRED,
	/** The body is dissolved. */
	BODY_DISSOLVED,
	/** The matter is closed. */
	MATTER_CLOSED,
	/** The matter is open. */
	MATTER_OPEN,
	/** The assignment is completed or withdrawn. */
	ASSIGNMENT_FINISHED,
	/** The change contradicts the record in some other way, said in the message. */
	RULE_BROKEN,
	/**
	 * No event has that position: it is past the newest event of the feed (a cursor) or
	 * of the record (a read-your-writes position), as after the database was restored
	 * from a backup taken before the position was given out.
	 */
	UNKNOWN_POSITION,
	/**
	 * The database cannot be reached: nothing was read or recorded, and the same request
	 * may be sent again after the time {@code Retry-After} gives.
	 */
	DATABASE_UNAVAILABLE,
	/**
	 * A failure of matterflow's own, not of the request: it is logged with the problem's
	 * {@code incident} for the operators.
	 */
	INTERNAL_ERROR;

	/**
	 * The problem type that carries this code
	 * ({@code https://matterflow.example/problems/unknown-id}), published beside it, so
	 * both sides write it alike.
	 */
	public String type() {
		return "https://matterflow.example/problems/" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}
