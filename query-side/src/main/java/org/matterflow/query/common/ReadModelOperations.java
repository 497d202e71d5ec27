package org.matterflow.query.common;

import java.util.List;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * Operating the read models: {@code GET /actuator/readmodels} shows each read model's
 * generation, position and lag; {@code POST /actuator/readmodels/{name}} rebuilds one
 * from the event store while the current generation keeps serving.
 */
@Component
@Endpoint(id = "readmodels")
public class ReadModelOperations {

	private final ReadModels readModels;

	private final EventStoreHead head;

	ReadModelOperations(ReadModels readModels, EventStoreHead head) {
		this.readModels = readModels;
		this.head = head;
	}

	/**
	 * A read model's state, with its lag behind the head of the event store; while its
	 * processor is stopped by an event it cannot handle, {@code failure} says why and
	 * {@code position} is the last event it processed. {@code deadLetters} counts the
	 * events it has parked ({@code /actuator/deadletters}). {@code answersQueries} is
	 * false while the serving generation is of another version than the code's, whose
	 * queries are refused until the rebuild for this version has taken over; the lag is
	 * then that rebuild's.
	 */
	public record View(String readModel, int generation, int version, boolean answersQueries, Long position, Long lag,
			Integer rebuilding, Long rebuildPosition, boolean error, String failure, long deadLetters) {
	}

	@ReadOperation
	public List<View> readModels() {
		long head = this.head.position();
		return this.readModels.status()
			.stream()
			.map((status) -> new View(status.readModel(), status.generation(), status.version(),
					status.answersQueries(), status.position(), lag(status, head), status.building(),
					status.buildingPosition(), status.error(), status.failure(), status.deadLetters()))
			.toList();
	}

	/**
	 * How many events the read model's queries do not see yet. After an upgrade, until
	 * the rebuild takes over, they see nothing; how far that rebuild has to go is what an
	 * operator waits for.
	 */
	private static long lag(ReadModels.Status status, long head) {
		Long position = status.answersQueries() ? status.position() : status.buildingPosition();
		return (position != null) ? Math.max(0, head - position) : head + 1;
	}

	@WriteOperation
	public Generation rebuild(@Selector String name) {
		return this.readModels.rebuild(name);
	}

}
