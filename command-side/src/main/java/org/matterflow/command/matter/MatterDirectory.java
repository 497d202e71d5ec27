package org.matterflow.command.matter;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.matterflow.command.common.UnknownReference;
import org.matterflow.kernel.matter.MatterId;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Answers {@link Matters} from the event store without loading or locking the matter: an
 * agenda item or a decision only needs to know that the matter exists.
 */
@Component
class MatterDirectory implements Matters {

	private final EventStore events;

	MatterDirectory(@Lazy EventStore events) {
		this.events = events;
	}

	@Override
	public void requireExists(MatterId matterId) {
		if (this.events.lastSequenceNumberFor(matterId.toString()).isEmpty()) {
			throw new UnknownReference("matter", matterId.value());
		}
	}

}
