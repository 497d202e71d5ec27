package org.matterflow.query.common;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The lag of each read model (events in the store that its active generation has not yet
 * processed) as the gauge {@code matterflow.readmodel.lag}, and in the health endpoint;
 * whether it answers queries as {@code matterflow.readmodel.answering}. A read model
 * whose processor is in error makes the query side unhealthy; one that has parked events
 * ({@code matterflow.readmodel.dead.letters}) keeps serving and stays healthy, its count
 * in the details.
 */
@Component("readModelsHealthIndicator")
public class ReadModelMonitoring implements HealthIndicator {

	private final ReadModelOperations operations;

	ReadModelMonitoring(ReadModelOperations operations, ReadModels readModels, MeterRegistry registry) {
		this.operations = operations;
		for (String name : readModels.names()) {
			Gauge.builder("matterflow.readmodel.lag", () -> figureOf(name, ReadModelOperations.View::lag))
				.description("events in the store not yet processed by the read model")
				.tag("readmodel", name)
				.baseUnit("events")
				.register(registry);
			// 0 while its queries answer 503: built for a new version, or for the first
			// time when new in a version (ADR 0007); the lag is then its build's
			Gauge
				.builder("matterflow.readmodel.answering",
						() -> figureOf(name, (view) -> view.answersQueries() ? 1 : 0))
				.description(
						"1 while the read model answers queries, 0 while they answer 503 until its build takes over")
				.tag("readmodel", name)
				.register(registry);
			Gauge
				.builder("matterflow.readmodel.dead.letters",
						() -> figureOf(name, ReadModelOperations.View::deadLetters))
				.description("events the read model could not handle and parked, with their aggregates' later events")
				.tag("readmodel", name)
				.baseUnit("events")
				.register(registry);
		}
	}

	/** A figure of one read model's view; NaN for a read model no longer there. */
	private double figureOf(String name, ToDoubleFunction<ReadModelOperations.View> figure) {
		return this.operations.readModels()
			.stream()
			.filter((view) -> view.readModel().equals(name))
			.findFirst()
			.map(figure::applyAsDouble)
			.orElse(Double.NaN);
	}

	@Override
	public Health health() {
		Map<String, Object> details = new LinkedHashMap<>();
		boolean error = false;
		for (ReadModelOperations.View view : this.operations.readModels()) {
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("generation", view.generation());
			detail.put("lag", view.lag());
			detail.put("error", view.error());
			if (view.failure() != null) {
				detail.put("position", view.position());
				detail.put("failure", view.failure());
			}
			if (!view.answersQueries()) {
				// after an upgrade, until its rebuild takes over: its queries answer 503
				detail.put("answersQueries", false);
				detail.put("rebuilding", view.rebuilding());
			}
			if (view.deadLetters() > 0) {
				// parked events leave the read model serving: not an error, but
				// worth an operator's look (/actuator/deadletters)
				detail.put("deadLetters", view.deadLetters());
			}
			details.put(view.readModel(), detail);
			error |= view.error();
		}
		return (error ? Health.down() : Health.up()).withDetails(details).build();
	}

}
