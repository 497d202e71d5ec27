package org.matterflow.command.body;

import java.time.LocalDate;
import java.util.function.Consumer;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.matterflow.command.common.UnknownReference;
import org.matterflow.kernel.body.BodyId;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Answers {@link Bodies} from the body aggregates themselves, in the asking command's
 * unit of work.
 */
@Component
class BodyDirectory implements Bodies {

	private final Repository<BodyAggregate> bodies;

	BodyDirectory(@Lazy Repository<BodyAggregate> bodies) {
		this.bodies = bodies;
	}

	@Override
	public void requireEstablished(BodyId bodyId) {
		ask(bodyId, (body) -> {
		});
	}

	@Override
	public void requireActive(BodyId bodyId) {
		ask(bodyId, BodyAggregate::requireActive);
	}

	@Override
	public void requireMeetsOn(BodyId bodyId, LocalDate day) {
		ask(bodyId, (body) -> body.requireMeetsOn(day));
	}

	private void ask(BodyId bodyId, Consumer<BodyAggregate> rule) {
		try {
			this.bodies.load(bodyId.toString()).execute(rule);
		}
		catch (AggregateNotFoundException ex) {
			throw new UnknownReference("body", bodyId.value());
		}
	}

}
