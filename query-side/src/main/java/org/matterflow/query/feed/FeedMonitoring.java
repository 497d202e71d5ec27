package org.matterflow.query.feed;

import java.util.OptionalLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.matterflow.query.common.EventStoreHead;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * How far the integration feed trails the event store, as the gauge
 * {@code matterflow.feed.lag} and in the health endpoint, and how many live streams are
 * open ({@code matterflow.feed.streams}). A feed processor in error makes the query side
 * unhealthy: integrations would stop hearing of new events.
 */
@Component("integrationFeedHealthIndicator")
class FeedMonitoring implements HealthIndicator {

	private final FeedProcessor processor;

	private final EventStoreHead head;

	FeedMonitoring(FeedProcessor processor, EventStoreHead head, EventStreamController streams,
			MeterRegistry registry) {
		this.processor = processor;
		this.head = head;
		Gauge.builder("matterflow.feed.lag", this::lag)
			.description("events in the store not yet in the integration feed")
			.baseUnit("events")
			.register(registry);
		Gauge.builder("matterflow.feed.streams", streams::openStreams)
			.description("open Server-Sent Event streams of the feed")
			.register(registry);
	}

	double lag() {
		long head = this.head.position();
		OptionalLong position = this.processor.position();
		if (head < 0) {
			return 0;
		}
		return position.isPresent() ? Math.max(0, head - position.getAsLong()) : head + 1;
	}

	@Override
	public Health health() {
		Health.Builder health = this.processor.inError() ? Health.down() : Health.up();
		this.processor.failure().ifPresent((failure) -> health.withDetail("failure", failure));
		return health.withDetail("lag", (long) lag()).build();
	}

}
