package org.matterflow.query.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * The events the read models have parked (ADR 0013): {@code GET /actuator/deadletters}
 * lists them for every read model, {@code GET /actuator/deadletters/{name}} for one, and
 * {@code POST /actuator/deadletters/{name}} hands them to the serving generation's
 * handler again, once a new version can handle them.
 */
@Component
@Endpoint(id = "deadletters")
public class DeadLetterOperations {

	private final ReadModels readModels;

	DeadLetterOperations(ReadModels readModels) {
		this.readModels = readModels;
	}

	@ReadOperation
	public Map<String, List<DeadLetters.Letter>> deadLetters() {
		Map<String, List<DeadLetters.Letter>> letters = new LinkedHashMap<>();
		this.readModels.names().forEach((name) -> letters.put(name, this.readModels.deadLettersOf(name)));
		return letters;
	}

	@ReadOperation
	public List<DeadLetters.Letter> deadLetters(@Selector String name) {
		return this.readModels.deadLettersOf(name);
	}

	@WriteOperation
	public DeadLetters.Retried retry(@Selector String name) {
		return this.readModels.retryDeadLetters(name);
	}

}
