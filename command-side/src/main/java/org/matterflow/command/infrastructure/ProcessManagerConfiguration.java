package org.matterflow.command.infrastructure;

import java.time.Duration;

import org.axonframework.common.AxonThreadFactory;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.lifecycle.Phase;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The command side's process managers (Axon sagas, ADR 0014): their store and their
 * processor's token in the command side's schema (Flyway V2), on PostgreSQL's own saga
 * dialect, since the generic one Axon's auto-configuration picks is not valid there. Each
 * saga type is one pooled processor with one segment that starts from the first event, so
 * that a saga put into service later still learns what happened before it. A saga's
 * failure fails its batch, which is tried again, rather than being logged and skipped
 * (Axon's default for event handlers).
 */
@Configuration(proxyBeanMethods = false)
public class ProcessManagerConfiguration {

	/** The processor of the assignment's due-at-meeting watch (its saga type's name). */
	static final String DUE_AT_MEETING_WATCH = "DueAtMeetingWatchProcessor";

	/**
	 * A batch is read in milliseconds; one still being read after this is given up on,
	 * well within the time a container is given to stop.
	 */
	private static final Duration READS_STOP_BOUND = Duration.ofSeconds(10);

	@Bean
	PostgresSagaSqlSchema sagaSqlSchema() {
		return new PostgresSagaSqlSchema(SagaSchema.builder()
			.sagaEntryTable("events.saga_entry")
			.associationValueEntryTable("events.association_value_entry")
			.sagaIdColumn("saga_id")
			.sagaTypeColumn("saga_type")
			.revisionColumn("revision")
			.serializedSagaColumn("serialized_saga")
			.associationKeyColumn("association_key")
			.associationValueColumn("association_value")
			.build());
	}

	@Bean
	SagaStore<Object> sagaStore(ConnectionProvider connectionProvider, Serializer serializer,
			PostgresSagaSqlSchema schema) {
		return JdbcSagaStore.builder()
			.connectionProvider(connectionProvider)
			.sqlSchema(schema)
			.serializer(serializer)
			.build();
	}

	@Bean
	TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer) {
		return JdbcTokenStore.builder()
			.connectionProvider(connectionProvider)
			.serializer(serializer)
			.contentType(String.class)
			.schema(TokenSchema.builder()
				.setTokenTable("events.token_entry")
				.setProcessorNameColumn("processor_name")
				.setSegmentColumn("segment")
				.setTokenColumn("token")
				.setTokenTypeColumn("token_type")
				.setTimestampColumn("time_stamp")
				.setOwnerColumn("owner")
				.build())
			.claimTimeout(Duration.ofSeconds(10))
			.build();
	}

	/**
	 * The process managers read the store through an event store of their own, which only
	 * reads: the one commands append to wakes its readers at every commit, one fetch per
	 * command (a fifth of a millisecond of CPU per command on the benchmark's machine).
	 * This one fetches in batches while events are waiting and looks again after
	 * {@code matterflow.process-managers.fetch-delay} once it has caught up: an
	 * assignment is marked overdue that much after its meeting was closed, at most.
	 */
	@Bean
	ConfigurerModule processManagers(@Lazy EventStorageEngine engine,
			@Value("${matterflow.process-managers.fetch-delay:1s}") Duration fetchDelay) {
		return (configurer) -> {
			EmbeddedEventStore reading = readingStore(engine, fetchDelay);
			configurer.onShutdown(Phase.INBOUND_EVENT_CONNECTORS - 10, reading::shutDown);
			configurer.eventProcessing((processing) -> processing
				.registerPooledStreamingEventProcessor(DUE_AT_MEETING_WATCH, (configuration) -> reading,
						(configuration, builder) -> builder.initialSegmentCount(1)
							// Axon's default of one event a batch made a transaction of
							// every event the watch handles: 0.4 more per command
							.batchSize(100)
							.initialToken(StreamableMessageSource::createTailToken))
				.registerListenerInvocationErrorHandler(DUE_AT_MEETING_WATCH,
						(configuration) -> PropagatingErrorHandler.instance()));
		};
	}

	/**
	 * Axon's embedded store over the engine, whose reads stop, and a batch being read is
	 * waited for, when it is shut down ({@link StoppableStorageEngine}).
	 */
	static EmbeddedEventStore readingStore(EventStorageEngine engine, Duration fetchDelay) {
		StoppableStorageEngine reads = new StoppableStorageEngine(engine);
		return new EmbeddedEventStore(EmbeddedEventStore.builder()
			.storageEngine(reads)
			.fetchDelay(fetchDelay.toMillis())
			.cachedEvents(1000)
			.threadFactory(new AxonThreadFactory("process-manager-events"))) {

			@Override
			public void shutDown() {
				reads.stop(READS_STOP_BOUND);
				super.shutDown();
			}

		};
	}

}
