package org.matterflow.query.feed;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.matterflow.query.common.ProcessorFailures;
import org.matterflow.query.common.Statements;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The processor that fills the integration feed: one segment, so that events are copied
 * one after the other; its token lives with the feed in the same transaction. Unlike the
 * read models it is never rebuilt: the feed's positions are the integrations' cursors.
 */
@Component
class FeedProcessor implements SmartLifecycle {

	static final String NAME = "integration-feed";

	private final JdbcTemplate jdbc;

	private final org.matterflow.query.common.EventSource events;

	private final TokenStore tokens;

	private final TransactionManager transactions;

	private final int batchSize;

	private final boolean preparingUpgrade;

	private volatile PooledStreamingEventProcessor processor;

	/** Why the feed's last batch failed, until it has copied past it. */
	private final ProcessorFailures failures = new ProcessorFailures();

	private ScheduledExecutorService coordinator;

	private ScheduledExecutorService worker;

	private volatile boolean running;

	FeedProcessor(JdbcTemplate jdbc, org.matterflow.query.common.EventSource events, TokenStore tokens,
			TransactionManager transactions, @Value("${matterflow.integration.feed-batch-size:100}") int batchSize,
			@Value("${matterflow.read-models.prepare-upgrade:false}") boolean preparingUpgrade) {
		this.jdbc = jdbc;
		this.events = events;
		this.tokens = tokens;
		this.transactions = transactions;
		this.batchSize = batchSize;
		this.preparingUpgrade = preparingUpgrade;
	}

	/**
	 * A new processor each time it starts: a stopped processor (the application paused,
	 * as test contexts are) does not take up its work again reliably.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private PooledStreamingEventProcessor build() {
		this.coordinator = Executors
			.newSingleThreadScheduledExecutor((runnable) -> new Thread(runnable, "coordinator-" + NAME));
		this.worker = Executors.newSingleThreadScheduledExecutor((runnable) -> new Thread(runnable, "worker-" + NAME));
		return PooledStreamingEventProcessor.builder()
			.name(NAME)
			.eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
				.eventHandlers(new FeedProjection(new Statements(this.jdbc, "projections")))
				// a handler's failure fails the batch, which is tried again until the
				// event can be handled; the invoker's default error handler would log
				// it and go on, and the event would be missing here for good
				.listenerInvocationErrorHandler(this.failures)
				.build())
			.errorHandler(this.failures)
			.messageSource(this.events)
			.tokenStore(this.tokens)
			.transactionManager(this.transactions)
			.coordinatorExecutor(this.coordinator)
			.workerExecutor(this.worker)
			.initialSegmentCount(1)
			.batchSize(this.batchSize)
			.initialToken(StreamableMessageSource::createTailToken)
			.build();
	}

	/** The event store position the feed has copied up to, if it has started. */
	OptionalLong position() {
		PooledStreamingEventProcessor current = this.processor;
		if (current == null) {
			return OptionalLong.empty();
		}
		return this.failures.processed(current.processingStatus()
			.values()
			.stream()
			.map((status) -> status.getCurrentPosition())
			.filter(OptionalLong::isPresent)
			.mapToLong(OptionalLong::getAsLong)
			.min());
	}

	/**
	 * Why the feed is held back, if it is: the event it failed on and the error, until it
	 * has copied that event.
	 */
	Optional<String> failure() {
		OptionalLong position = position();
		return this.failures.current(position).map(ProcessorFailures.Failure::describe);
	}

	/** Whether the feed has stopped on an error and is retrying. */
	boolean inError() {
		PooledStreamingEventProcessor current = this.processor;
		return failure().isPresent() || (current != null
				&& current.processingStatus().values().stream().anyMatch((status) -> status.isErrorState()));
	}

	@Override
	public synchronized void start() {
		this.processor = build();
		this.processor.start();
		this.running = true;
	}

	@Override
	public synchronized void stop() {
		if (this.processor != null) {
			this.processor.shutdownAsync().join();
			this.coordinator.shutdownNow();
			this.worker.shutdownNow();
		}
		this.running = false;
	}

	/**
	 * Not in a process that only prepares an upgrade of the read models: the version that
	 * serves feeds the integrations meanwhile.
	 */
	@Override
	public boolean isAutoStartup() {
		return !this.preparingUpgrade;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// after the data source and Flyway, before the web server takes requests
		return Integer.MAX_VALUE - 2000;
	}

}
