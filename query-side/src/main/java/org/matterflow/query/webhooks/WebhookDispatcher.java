package org.matterflow.query.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.matterflow.query.feed.Feed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Delivers the feed to webhook subscriptions: at least once, in feed order per
 * subscription (and so in order per matter), signed per Standard Webhooks. A
 * subscription's next event is not sent before the previous one was accepted with a 2xx;
 * a refused or failed delivery is retried with exponential backoff, and after
 * {@code max-attempts} the subscription is paused until someone resumes it, from the
 * event that failed. Progress is in PostgreSQL, so a restart resumes where delivery
 * stood; an event that was in flight during a crash is delivered again (receivers
 * deduplicate by {@code webhook-id}).
 * <p>
 * Every attempt is logged for the subscription's owner to read; attempts older than
 * {@code delivery-log-retention} are deleted once an hour, so the log does not grow with
 * every event for as long as the system runs.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	private final Subscriptions subscriptions;

	private final Feed feed;

	private final HttpClient http;

	private final Settings settings;

	private final boolean preparingUpgrade;

	private final Set<String> leased = ConcurrentHashMap.newKeySet();

	private final Counter deliveredCount;

	private final Counter failedCount;

	private ScheduledExecutorService poller;

	private ScheduledExecutorService pruner;

	private ExecutorService workers;

	private volatile boolean running;

	/** How deliveries are paced; all from {@code matterflow.integration.webhooks.*}. */
	record Settings(Duration poll, int workers, int batch, int maxAttempts, Duration backoff, Duration maxBackoff,
			Duration timeout, Duration lease, Duration deliveryLogRetention) {
	}

	WebhookDispatcher(Subscriptions subscriptions, Feed feed, MeterRegistry meters,
			@Value("${matterflow.integration.webhooks.poll:500ms}") Duration poll,
			@Value("${matterflow.integration.webhooks.workers:4}") int workers,
			@Value("${matterflow.integration.webhooks.batch:50}") int batch,
			@Value("${matterflow.integration.webhooks.max-attempts:10}") int maxAttempts,
			@Value("${matterflow.integration.webhooks.backoff:2s}") Duration backoff,
			@Value("${matterflow.integration.webhooks.max-backoff:1h}") Duration maxBackoff,
			@Value("${matterflow.integration.webhooks.timeout:10s}") Duration timeout,
			@Value("${matterflow.integration.webhooks.lease:60s}") Duration lease,
			@Value("${matterflow.integration.webhooks.delivery-log-retention:90d}") Duration deliveryLogRetention,
			@Value("${matterflow.read-models.prepare-upgrade:false}") boolean preparingUpgrade) {
		this.subscriptions = subscriptions;
		this.feed = feed;
		this.settings = new Settings(poll, workers, batch, maxAttempts, backoff, maxBackoff, timeout, lease,
				deliveryLogRetention);
		this.preparingUpgrade = preparingUpgrade;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
		this.deliveredCount = Counter.builder("matterflow.webhooks.deliveries")
			.description("webhook delivery attempts, by outcome")
			.tag("outcome", "delivered")
			.register(meters);
		this.failedCount = Counter.builder("matterflow.webhooks.deliveries")
			.description("webhook delivery attempts, by outcome")
			.tag("outcome", "failed")
			.register(meters);
		// a paused subscription is an integration that no longer hears of anything until
		// someone resumes it: worth an alert (deploy/monitoring)
		for (String status : List.of("ACTIVE", "PAUSED")) {
			Gauge.builder("matterflow.webhooks.subscriptions", () -> subscriptions.count(status))
				.description("webhook subscriptions, by status")
				.tag("status", status.toLowerCase(Locale.ROOT))
				.register(meters);
		}
	}

	@Override
	public synchronized void start() {
		this.workers = Executors.newFixedThreadPool(this.settings.workers(), (runnable) -> {
			Thread thread = new Thread(runnable, "webhook-delivery");
			thread.setDaemon(true);
			return thread;
		});
		this.poller = Executors.newSingleThreadScheduledExecutor((runnable) -> new Thread(runnable, "webhook-poller"));
		this.poller.scheduleWithFixedDelay(this::poll, this.settings.poll().toMillis(), this.settings.poll().toMillis(),
				TimeUnit.MILLISECONDS);
		// its own thread: a first prune after an upgrade may take a while, and delivery
		// must not wait for it
		this.pruner = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "webhook-log-pruner");
			thread.setDaemon(true);
			return thread;
		});
		this.pruner.scheduleWithFixedDelay(this::pruneDeliveryLog, 1, 60, TimeUnit.MINUTES);
		this.running = true;
	}

	/**
	 * Stops taking new work, lets deliveries in flight finish for a moment, and gives
	 * back the leases it holds so that the next dispatcher starts at once.
	 */
	@Override
	public synchronized void stop() {
		this.running = false;
		this.poller.shutdownNow();
		this.pruner.shutdownNow();
		this.workers.shutdown();
		try {
			this.workers.awaitTermination(this.settings.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.workers.shutdownNow();
		for (String id : this.leased) {
			this.subscriptions.release(id);
		}
		this.leased.clear();
	}

	/**
	 * Not in a process that only prepares an upgrade of the read models: the version that
	 * serves delivers the webhooks meanwhile.
	 */
	@Override
	public boolean isAutoStartup() {
		return !this.preparingUpgrade;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void poll() {
		try {
			int free = this.settings.workers() - this.leased.size();
			if (free <= 0 || !this.running) {
				return;
			}
			for (Subscriptions.Subscription subscription : this.subscriptions.lease(free, this.settings.lease())) {
				this.leased.add(subscription.id());
				this.workers.execute(() -> {
					try {
						deliver(subscription);
					}
					finally {
						this.leased.remove(subscription.id());
					}
				});
			}
		}
		catch (RuntimeException ex) {
			log.warn("Webhook dispatch could not lease subscriptions: {}", ex.getMessage());
		}
	}

	void pruneDeliveryLog() {
		try {
			long pruned = this.subscriptions.pruneDeliveries(this.settings.deliveryLogRetention(), 10_000);
			if (pruned > 0) {
				log.info("Deleted {} webhook delivery attempts older than {}", pruned,
						this.settings.deliveryLogRetention());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Webhook delivery log could not be pruned: {}", ex.getMessage());
		}
	}

	private void deliver(Subscriptions.Subscription subscription) {
		long cursor = subscription.deliveredUpTo();
		int attempts = subscription.attempts();
		Feed.Filter filter = new Feed.Filter(subscription.types(), null, null);
		try {
			for (int sent = 0; sent < this.settings.batch() && this.running; sent++) {
				List<Feed.Entry> next = this.feed.after(cursor, 1, filter);
				if (next.isEmpty()) {
					break;
				}
				Feed.Entry entry = next.get(0);
				int attempt = attempts + 1;
				long started = System.nanoTime();
				Integer status = null;
				String error = null;
				try {
					status = post(subscription, entry);
				}
				catch (IOException ex) {
					error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				long millis = (System.nanoTime() - started) / 1_000_000;
				if (status != null && status >= 200 && status < 300) {
					this.subscriptions.delivered(subscription.id(), entry.eventId(), entry.position(), attempt, status,
							millis, this.settings.lease());
					this.deliveredCount.increment();
					cursor = entry.position();
					attempts = 0;
					continue;
				}
				this.failedCount.increment();
				boolean paused = this.subscriptions.failed(subscription.id(), entry.eventId(), entry.position(),
						attempt, status, error, millis, this.settings.maxAttempts(), backoff(attempt));
				if (paused) {
					log.warn("Webhook subscription {} paused after {} failed attempts at event {}", subscription.id(),
							attempt, entry.eventId());
				}
				return;
			}
			this.subscriptions.release(subscription.id());
		}
		catch (RuntimeException ex) {
			log.warn("Webhook delivery for subscription {} stopped: {}", subscription.id(), ex.getMessage());
			this.subscriptions.release(subscription.id());
		}
	}

	private int post(Subscriptions.Subscription subscription, Feed.Entry entry)
			throws IOException, InterruptedException {
		long timestamp = Instant.now().getEpochSecond();
		HttpRequest request = HttpRequest.newBuilder(URI.create(subscription.url()))
			.timeout(this.settings.timeout())
			.header("Content-Type", "application/cloudevents+json")
			.header("User-Agent", "matterflow-webhooks")
			.header("webhook-id", entry.eventId())
			.header("webhook-timestamp", Long.toString(timestamp))
			.header("webhook-signature",
					WebhookSignature.sign(subscription.secret(), entry.eventId(), timestamp, entry.json()))
			.POST(HttpRequest.BodyPublishers.ofString(entry.json()))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	/** 1×, 2×, 4×, … the base delay after each failed attempt, up to the maximum. */
	private Duration backoff(int attempt) {
		long factor = 1L << Math.min(attempt - 1, 20);
		Duration delay = this.settings.backoff().multipliedBy(factor);
		return (delay.compareTo(this.settings.maxBackoff()) > 0) ? this.settings.maxBackoff() : delay;
	}

}
