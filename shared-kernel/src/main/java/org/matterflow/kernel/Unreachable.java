package org.matterflow.kernel;

import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure to reach the database from other failures, for the answer a client
 * gets. Only a connection that could not be had counts: then no statement ran, nothing
 * was recorded, and the request may be sent again. A connection lost during a statement
 * or a commit does not: whether that change was recorded is not known from here.
 */
public final class Unreachable {

	private Unreachable() {
	}

	/**
	 * Whether the failure, or one of its causes, is a connection that could not be had.
	 */
	public static boolean database(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			// the pool's answer when it has no connection to give within its timeout,
			// also when the server refuses new ones
			if (cause instanceof SQLTransientConnectionException) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
