package org.matterflow.command.common;

import java.util.UUID;

/**
 * Ids are chosen by the client when it wants retries to be safe, and by the server
 * otherwise.
 */
public final class Ids {

	private Ids() {
	}

	/**
	 * An id left out is chosen here. An id sent empty is not: it goes on to the id's own
	 * check and is refused, since a client that sends an id means to retry with it, and a
	 * new id for each retry would create twice without a word.
	 */
	public static String orNew(String clientId) {
		return (clientId != null) ? clientId.strip() : UUID.randomUUID().toString();
	}

}
