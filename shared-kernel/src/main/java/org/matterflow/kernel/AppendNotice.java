package org.matterflow.kernel;

/**
 * How the command side tells the query sides that the event store has grown: a PostgreSQL
 * notification on this channel (an empty payload), sent after the appending transaction
 * has committed. The notice is a hint to look now, never the events themselves: a query
 * side that missed one still finds the events when it next looks on its own.
 */
public final class AppendNotice {

	/**
	 * The channel of {@code NOTIFY} and {@code LISTEN}; per database, like the schemas.
	 */
	public static final String CHANNEL = "matterflow_events_appended";

	private AppendNotice() {
	}

}
