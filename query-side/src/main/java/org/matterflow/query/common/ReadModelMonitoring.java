package org.matterflow.query.common;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The lag of each read model (events in the store that its active generation has not yet
 * processed) as the gauge {@code matterflow.readmodel.lag}, and in the health endpoint. A
 * read model whose processor is in error makes the query side unhealthy.
 */
@Component("readModelsHealthIndicator")
public class ReadModelMonitoring implements HealthIndicator {

	private final ReadModelOperations operations;

	ReadModelMonitoring(ReadModelOperations operations, ReadModels readModels, MeterRegistry registry) {
		this.operations = operations;
		for (String name : readModels.names()) {
			Gauge.builder("matterflow.readmodel.lag", () -> lagOf(name))
				.description("events in the store not yet processed by the read model")
				.tag("readmodel", name)
				.baseUnit("events")
				.register(registry);
		}
	}

	private double lagOf(String name) {
		return this.operations.readModels()
			.stream()
			.filter((view) -> view.readModel().equals(name))
			.findFirst()
			.map((view) -> (double) view.lag())
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
			details.put(view.readModel(), detail);
			error |= view.error();
		}
		return (error ? Health.down() : Health.up()).withDetails(details).build();
	}

}
