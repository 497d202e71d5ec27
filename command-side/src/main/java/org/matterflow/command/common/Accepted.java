package org.matterflow.command.common;

import java.util.Map;

/**
 * The answer to an accepted command: the ids it concerns, the aggregate's version after
 * it (to send back as {@code Expected-Version}), and the global position of the
 * aggregate's last event, which a client passes to the query side to read its own write.
 */
public record Accepted(Map<String, String> ids, long version, long position) {
}
