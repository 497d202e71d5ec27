package org.matterflow.command.infrastructure;

import java.time.Duration;
import java.util.Objects;

import javax.sql.DataSource;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The event store: Axon's JDBC engine on PostgreSQL, in the {@code events} schema that
 * the command side's Flyway migrations own, with JSON payloads readable in the table.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

	static final String EVENT_TABLE = "events.domain_event_entry";

	static final String SNAPSHOT_TABLE = "events.snapshot_event_entry";

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
	 * The serializer of events, metadata, snapshots and deadlines: JSON with the kernel's
	 * revisions.
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
	PersistenceExceptionResolver persistenceExceptionResolver() {
		return new PostgresDuplicateKeyResolver();
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
			.eventTable(EVENT_TABLE)
			.snapshotTable(SNAPSHOT_TABLE)
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
	 * The gap settings are not exposed as properties by Axon, so they are set here. Every
	 * event-writing transaction is bounded by the database timeouts in application.yml,
	 * which stay well below the gap timeout, so no committed event is ever skipped.
	 */
	@Bean
	EventStorageEngine eventStorageEngine(Serializer serializer, @Qualifier("eventSerializer") Serializer events,
			PersistenceExceptionResolver persistenceExceptionResolver, ConnectionProvider connectionProvider,
			TransactionManager transactionManager, EventSchema eventSchema, Configuration configuration,
			RevisionResolver revisionResolver, @Value("${matterflow.event-store.gap-timeout:60s}") Duration gapTimeout,
			@Value("${matterflow.event-store.batch-size:500}") int batchSize) {
		return JdbcEventStorageEngine.builder()
			.snapshotSerializer(serializer)
			.eventSerializer(events)
			.upcasterChain(configuration.upcasterChain())
			.snapshotFilter((snapshot) -> snapshotOfCurrentShape(snapshot.getPayload().getType().getName(),
					snapshot.getPayload().getType().getRevision(), revisionResolver))
			.persistenceExceptionResolver(persistenceExceptionResolver)
			.connectionProvider(connectionProvider)
			.transactionManager(transactionManager)
			.schema(eventSchema)
			.dataType(String.class)
			.gapTimeout((int) gapTimeout.toMillis())
			.batchSize(batchSize)
			.appendEvents(new PositionReturningAppend())
			.build();
	}

	/**
	 * Axon's store as its auto-configuration builds it (monitors, spans), telling the
	 * query sides of every commit that appended events.
	 */
	@Bean(name = "eventBus")
	@Qualifier("eventStore")
	AnnouncingEventStore eventStore(EventStorageEngine engine, Configuration configuration, AppendAnnouncer announcer) {
		return new AnnouncingEventStore(EmbeddedEventStore.builder()
			.storageEngine(engine)
			.messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
			.spanFactory(configuration.getComponent(EventBusSpanFactory.class)), announcer);
	}

	@Bean
	AppendAnnouncer appendAnnouncer(JdbcClient jdbc,
			@Value("${matterflow.event-store.announce-interval:25ms}") Duration interval) {
		return new AppendAnnouncer(jdbc, interval);
	}

	/**
	 * A snapshot written before an aggregate's shape changed is ignored rather than
	 * misread: the aggregate is then rebuilt from its events and snapshotted again.
	 */
	static boolean snapshotOfCurrentShape(String typeName, String storedRevision, RevisionResolver revisions) {
		try {
			Class<?> type = Class.forName(typeName, false, EventStoreConfiguration.class.getClassLoader());
			return Objects.equals(revisions.revisionOf(type), storedRevision);
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}

	@Bean
	SnapshotTriggerDefinition meetingSnapshotTrigger(Snapshotter snapshotter,
			@Value("${matterflow.event-store.meeting-snapshot-threshold:50}") int threshold) {
		return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
	}

	@Bean
	CommandTargetResolver commandTargetResolver() {
		return new FirstComponentTargetResolver();
	}

}
