package org.matterflow.command.infrastructure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * How far the command side's process managers lag behind the event store, as the gauge
 * {@code matterflow.processmanager.lag} and the health component {@code processManagers}
 * (DOWN while one is in error; commands are still taken: the readiness probe does not
 * include it). A watch that lags marks assignments overdue late.
 */
@Component("processManagersHealthIndicator")
class ProcessManagerMonitoring implements HealthIndicator {

	private final EventProcessingConfiguration processing;

	private final EventStore events;

	ProcessManagerMonitoring(@Lazy EventProcessingConfiguration processing, @Lazy EventStore events,
			MeterRegistry registry) {
		this.processing = processing;
		this.events = events;
		Gauge.builder("matterflow.processmanager.lag", () -> lagOf(ProcessManagerConfiguration.DUE_AT_MEETING_WATCH))
			.description("events in the store not yet processed by the process manager")
			.tag("processor", ProcessManagerConfiguration.DUE_AT_MEETING_WATCH)
			.baseUnit("events")
			.register(registry);
	}

	private double lagOf(String name) {
		OptionalLong position = positionOf(name);
		// an empty store has no head token at all
		TrackingToken headToken = this.events.createHeadToken();
		long head = (headToken != null) ? headToken.position().orElse(-1) : -1;
		return position.isPresent() ? Math.max(0, head - position.getAsLong()) : head + 1;
	}

	/** The position up to which every segment has processed, if any is claimed. */
	private OptionalLong positionOf(String name) {
		return this.processing.eventProcessor(name, StreamingEventProcessor.class)
			.map((processor) -> processor.processingStatus()
				.values()
				.stream()
				.map(EventTrackerStatus::getCurrentPosition)
				.filter(OptionalLong::isPresent)
				.mapToLong(OptionalLong::getAsLong)
				.min())
			.orElse(OptionalLong.empty());
	}

	@Override
	public Health health() {
		String name = ProcessManagerConfiguration.DUE_AT_MEETING_WATCH;
		boolean error = this.processing.eventProcessor(name, StreamingEventProcessor.class)
			.map((processor) -> processor.processingStatus()
				.values()
				.stream()
				.anyMatch(EventTrackerStatus::isErrorState))
			.orElse(false);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("lag", (long) lagOf(name));
		details.put("error", error);
		return (error ? Health.down() : Health.up()).withDetail(name, details).build();
	}

}
