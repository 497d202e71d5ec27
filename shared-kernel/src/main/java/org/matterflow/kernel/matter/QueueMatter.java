package org.matterflow.kernel.matter;

import org.matterflow.kernel.Check;
import org.matterflow.kernel.body.BodyId;

/**
 * Put a matter on a body's backlog for coming meetings.
 */
public record QueueMatter(MatterId matterId, BodyId bodyId, Integer priority, String note) implements MatterCommand {

	public QueueMatter {
		Check.required(matterId, "matterId");
		Check.required(bodyId, "bodyId");
		note = Check.optionalText(note, "note", 4000);
	}

}
