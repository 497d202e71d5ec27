package org.matterflow.query.infrastructure;

import java.time.Duration;

import javax.sql.DataSource;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.matterflow.query.common.EventSource;
import org.matterflow.query.common.HeadFetchingEventStorageEngine;
import org.matterflow.query.common.ReadModels;
import org.matterflow.query.common.WakeableEventStore;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The query side reads the command side's event store (the {@code events} schema, which
 * it never writes) and keeps its own tokens in the {@code projections} schema, in the
 * same database and transaction as the read models, so an event's effect and the token
 * move together.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

	@Bean
	RevisionResolver revisionResolver() {
		return new KernelRevisionResolver();
	}

	@Bean
	@Primary
	Serializer serializer(RevisionResolver revisionResolver) {
		return jackson(revisionResolver);
	}

	@Bean
	@Qualifier("messageSerializer")
	Serializer messageSerializer(RevisionResolver revisionResolver) {
		return jackson(revisionResolver);
	}

	@Bean
	@Qualifier("eventSerializer")
	Serializer eventSerializer(RevisionResolver revisionResolver) {
		return jackson(revisionResolver);
	}

	/**
	 * The serializer the command side writes with; the query side must read the same
	 * JSON.
	 */
	public static Serializer jackson() {
		return jackson(new KernelRevisionResolver());
	}

	private static Serializer jackson(RevisionResolver revisionResolver) {
		return JacksonSerializer.builder()
			.objectMapper(EventJson.objectMapper())
			.revisionResolver(revisionResolver)
			.build();
	}

	@Bean
	ConnectionProvider connectionProvider(DataSource dataSource) {
		return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
	}

	@Bean
	TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
		return new SpringTransactionManager(transactionManager);
	}

	@Bean
	EventSchema eventSchema() {
		return EventSchema.builder()
			.eventTable("events.domain_event_entry")
			.snapshotTable("events.snapshot_event_entry")
			.globalIndexColumn("global_index")
			.eventIdentifierColumn("event_identifier")
			.aggregateIdentifierColumn("aggregate_identifier")
			.sequenceNumberColumn("sequence_number")
			.typeColumn("type")
			.timestampColumn("time_stamp")
			.payloadTypeColumn("payload_type")
			.payloadRevisionColumn("payload_revision")
			.payloadColumn("payload")
			.metaDataColumn("meta_data")
			.build();
	}

	/**
	 * Reads events in global order. The gap timeout must match the bound the command side
	 * puts on its transactions (see ADR 0001); a larger batch makes replays fast. At the
	 * head a fetch ends with its first short batch
	 * ({@link HeadFetchingEventStorageEngine}).
	 */
	@Bean
	EventStorageEngine eventStorageEngine(Serializer serializer, @Qualifier("eventSerializer") Serializer events,
			ConnectionProvider connectionProvider, TransactionManager transactionManager, EventSchema eventSchema,
			Configuration configuration, @Value("${matterflow.event-store.gap-timeout:60s}") Duration gapTimeout,
			@Value("${matterflow.event-store.batch-size:500}") int batchSize) {
		return new HeadFetchingEventStorageEngine(JdbcEventStorageEngine.builder()
			.snapshotSerializer(serializer)
			.eventSerializer(events)
			.upcasterChain(configuration.upcasterChain())
			.connectionProvider(connectionProvider)
			.transactionManager(transactionManager)
			.schema(eventSchema)
			.dataType(String.class)
			.gapTimeout((int) gapTimeout.toMillis())
			.batchSize(batchSize));
	}

	/**
	 * The query side reads events that another process appends, so no local publication
	 * wakes its streams. Axon's default pause between fetches, one second, was nearly all
	 * of the lag a reader saw (benchmark: p50 941 ms); a fetch every 25 ms made an idle
	 * query side run 40 fetches a second for nothing. The store fetches when the command
	 * side's notice arrives ({@link org.matterflow.query.common.AppendListener}), or,
	 * while none arrive, when {@link EventSource} sees the head of the table move; its
	 * own fetch delay only bounds what neither announced.
	 */
	@Bean(name = "eventBus")
	WakeableEventStore eventStore(EventStorageEngine engine,
			@Value("${matterflow.event-store.idle-fetch-interval:500ms}") Duration idleFetchInterval) {
		return WakeableEventStore.over(engine, idleFetchInterval);
	}

	@Bean
	TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer) {
		return JdbcTokenStore.builder()
			.connectionProvider(connectionProvider)
			.serializer(serializer)
			.contentType(String.class)
			.schema(TokenSchema.builder()
				.setTokenTable("projections.token_entry")
				.setProcessorNameColumn("processor_name")
				.setSegmentColumn("segment")
				.setTokenColumn("token")
				.setTokenTypeColumn("token_type")
				.setTimestampColumn("time_stamp")
				.setOwnerColumn("owner")
				.build())
			.claimTimeout(ReadModels.CLAIM_TIMEOUT)
			.build();
	}

}
