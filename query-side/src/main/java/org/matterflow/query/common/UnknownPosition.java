package org.matterflow.query.common;

/**
 * A position past the newest event: a cursor past the integration feed's end, or a
 * read-your-writes position past the event store's. Neither can have been given out by
 * this installation as it stands, since the feed gives out positions of events it holds
 * and the command side answers with positions of events it has committed: the database
 * was restored from a backup taken before, or the position belongs elsewhere. A feed
 * reader that waited at its old cursor would skip the events recorded next unseen, and a
 * read-your-writes request would wait for a write that is not in the record, so both are
 * refused at once.
 */
public class UnknownPosition extends RuntimeException {

	private final long newest;

	private UnknownPosition(String message, long newest) {
		super(message);
		this.newest = newest;
	}

	/**
	 * A feed cursor ({@code after}, {@code Last-Event-ID}) past the feed's newest event.
	 */
	public static UnknownPosition inFeed(String parameter, long position, long newest) {
		return new UnknownPosition(
				parameter + " " + position + " is past the feed's newest event, at position " + newest
						+ ": this feed never gave it out. If the database was restored from a backup, the events after "
						+ newest + " are not in it; read on from a position at most " + newest,
				newest);
	}

	/** A feed cursor whose event is not the one the reader read there. */
	public static UnknownPosition anotherEventInFeed(long position, String eventId, long newest) {
		return new UnknownPosition("the feed holds another event at position " + position + " than " + eventId
				+ ", which you read there: its events from some point on are not the ones you read, as after the "
				+ "database was restored from a backup. Those you read after that point are not in the record; read "
				+ "on from a cursor stored before the backup was taken (the feed's newest position is " + newest + ")",
				newest);
	}

	/** A read-your-writes position past the event store's newest event. */
	public static UnknownPosition inStore(long position, long newest) {
		return new UnknownPosition("position " + position + " is past the newest event in the record, at position "
				+ newest + ": no change was answered with it. If the database was restored from a backup, the changes "
				+ "after " + newest + " are not in it", newest);
	}

	/** The newest position there is. */
	public long newest() {
		return this.newest;
	}

}
