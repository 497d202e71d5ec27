package org.matterflow.command.common;

import java.util.UUID;

/**
 * Ids are chosen by the client when it wants retries to be safe, and by the server
 * otherwise.
 */
public final class Ids {

	private Ids() {
	}

	public static String orNew(String clientId) {
		return (clientId != null && !clientId.isBlank()) ? clientId.strip() : UUID.randomUUID().toString();
	}

}
