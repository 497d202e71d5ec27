package org.matterflow.query.common;

/**
 * A cursor past the newest event in the integration feed. The feed only gives out
 * positions of events it holds, so such a cursor was given out by a feed that held more:
 * the database was restored from a backup taken before it was served. The positions past
 * the restored end go to the events recorded from now on, and a reader that waited at its
 * old cursor would skip them unseen, so it is refused instead.
 */
public class UnknownPosition extends RuntimeException {

	private final long newest;

	public UnknownPosition(String parameter, long position, long newest) {
		super(parameter + " " + position + " is past the feed's newest event, at position " + newest
				+ ": this feed never gave it out. If the database was restored from a backup, the events after "
				+ newest + " are not in it; read on from a position at most " + newest);
		this.newest = newest;
	}

	/** The feed's newest position when the cursor was refused. */
	public long newest() {
		return this.newest;
	}

}
