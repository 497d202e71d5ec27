package org.matterflow.command.infrastructure;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Counts and times the messages of the command bus and the event store ({@code
 * commandBus_*} and {@code eventStore_*} in {@code /actuator/prometheus}), as Axon's
 * metrics module does, but without its capacity monitor, which Axon's auto-configuration
 * is excluded for.
 *
 * <p>
 * The capacity monitor keeps every command's duration for ten minutes in a sorted map, to
 * sum them when the gauge is read: at 1,200 commands a second that is 720,000 entries,
 * each copied by the young collections until it is old enough to be promoted, and then
 * left to die in the old generation (benchmark, {@code docs/performance.md}). It also
 * registers its gauge again for every message, which logged a warning at every start. The
 * same figure is {@code rate(commandBus_allTimer_seconds_sum[10m])}: the share of the
 * time the command handlers were busy.
 */
@Configuration(proxyBeanMethods = false)
public class MessageMonitorConfiguration {

	@Bean
	ConfigurerModule messageMonitors(MeterRegistry registry) {
		return (configurer) -> configurer.configureMessageMonitor(
				(configuration) -> (componentType, componentName) -> monitorOf(componentType, componentName, registry));
	}

	private static MessageMonitor<Message<?>> monitorOf(Class<?> componentType, String componentName,
			MeterRegistry registry) {
		if (CommandBus.class.isAssignableFrom(componentType) || EventBus.class.isAssignableFrom(componentType)) {
			return new MultiMessageMonitor<>(List.of(MessageCountingMonitor.buildMonitor(componentName, registry),
					MessageTimerMonitor.buildMonitor(componentName, registry)));
		}
		return NoOpMessageMonitor.instance();
	}

}
