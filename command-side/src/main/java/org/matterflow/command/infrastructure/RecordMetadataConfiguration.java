package org.matterflow.command.infrastructure;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.matterflow.command.common.BusinessDate;
import org.matterflow.command.common.RecordMetadata;
import org.matterflow.command.common.TextGuard;
import org.matterflow.kernel.meeting.MeetingTime;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Stamps every command with who sent it and when, and carries that onto every event the
 * command causes, together with the correlation and causation ids.
 */
@Configuration(proxyBeanMethods = false)
public class RecordMetadataConfiguration {

	@Bean
	Clock clock() {
		return Clock.system(MeetingTime.ZONE);
	}

	@Bean
	MessageDispatchInterceptor<CommandMessage<?>> recordedByInterceptor(Clock clock) {
		return (messages) -> (index, command) -> {
			Map<String, Object> stamp = new HashMap<>();
			if (!command.getMetaData().containsKey(RecordMetadata.RECORDED_BY)) {
				Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
				stamp.put(RecordMetadata.RECORDED_BY,
						(authentication != null) ? authentication.getName() : RecordMetadata.SYSTEM);
			}
			stamp.put(RecordMetadata.RECORDED_AT, Instant.now(clock).toString());
			if (!command.getMetaData().containsKey(RecordMetadata.BUSINESS_DATE)) {
				BusinessDate.of(LocalDate.now(clock)).putInto(stamp);
			}
			if (!command.getMetaData().containsKey(RecordMetadata.CORRELATION_ID)) {
				stamp.put(RecordMetadata.CORRELATION_ID, command.getIdentifier());
			}
			return command.andMetaData(stamp);
		};
	}

	@Bean
	MessageDispatchInterceptor<CommandMessage<?>> textGuardInterceptor() {
		return (messages) -> (index, command) -> {
			TextGuard.check(command.getPayload());
			return command;
		};
	}

	@Bean
	CorrelationDataProvider recordMetadataProvider() {
		return RecordMetadataConfiguration::correlationDataFor;
	}

	/**
	 * What the events of a deadline that fired carry: recorded by matterflow when it
	 * fired, taking effect that day unless the handler says otherwise, caused by the
	 * deadline and correlated with the command that set it (the deadline message carries
	 * that command's correlation data from when it was scheduled).
	 */
	static Map<String, ?> correlationDataForDeadline(Message<?> deadline, Clock clock) {
		Map<String, Object> data = new HashMap<>(correlationDataFor(deadline));
		data.put(RecordMetadata.RECORDED_BY, RecordMetadata.SYSTEM);
		data.put(RecordMetadata.RECORDED_AT, Instant.now(clock).toString());
		// the day it fired, to the day, whatever precision the command that set it had
		data.remove(RecordMetadata.BUSINESS_DATE_PRECISION);
		BusinessDate.of(LocalDate.now(clock)).putInto(data);
		return data;
	}

	/**
	 * What every event carries of the message that caused it; public for the aggregates'
	 * fixtures, which hand it to their units of work as the application does.
	 */
	public static Map<String, ?> correlationDataFor(Message<?> message) {
		Map<String, Object> data = new HashMap<>();
		for (String key : new String[] { RecordMetadata.RECORDED_BY, RecordMetadata.RECORDED_AT,
				RecordMetadata.BUSINESS_DATE, RecordMetadata.BUSINESS_DATE_PRECISION }) {
			Object value = message.getMetaData().get(key);
			if (value != null) {
				data.put(key, value);
			}
		}
		Object correlation = message.getMetaData().get(RecordMetadata.CORRELATION_ID);
		data.put(RecordMetadata.CORRELATION_ID, (correlation != null) ? correlation : message.getIdentifier());
		data.put(RecordMetadata.CAUSATION_ID, message.getIdentifier());
		return data;
	}

}
