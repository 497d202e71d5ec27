package org.matterflow.query.feed;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.swagger.v3.oas.annotations.Operation;
import org.matterflow.kernel.InvalidValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The feed as Server-Sent Events. Each event's SSE id is its feed position, so a client
 * that reconnects with {@code Last-Event-ID} continues exactly where it stopped; an id
 * past the feed's newest event is refused (409), since it comes from before a restore of
 * the database. A comment line is sent as a heartbeat when nothing happens.
 *
 * <p>
 * Memory stays bounded however slow a client is: each stream reads one page from the
 * database, writes it, and reads the next only when the write is done. A client that
 * stops reading blocks only its own stream until the server's write timeout disconnects
 * it; it then resumes from its last event id. The number of open streams is capped.
 *
 * <p>
 * A stop ends every stream, with a comment saying so, before the web server's graceful
 * shutdown begins: that shutdown waits for the requests under way, and a stream is one
 * until its client leaves, so it held every stop of the query side for the whole shutdown
 * timeout while a client was connected. The client reconnects with its last event id, to
 * another instance or to this one once it is back.
 */
@RestController
class EventStreamController implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(EventStreamController.class);

	private static final int PAGE = 100;

	/** A stream blocked writing to a client that stopped reading is cut after this. */
	private static final Duration STOP_BOUND = Duration.ofSeconds(5);

	private final Feed feed;

	private final ThreadPoolExecutor streams;

	private final Duration heartbeat;

	private final Duration poll;

	private final Duration lifetime;

	private final AtomicInteger open = new AtomicInteger();

	private volatile boolean running;

	private volatile boolean stopping;

	EventStreamController(Feed feed, @Value("${matterflow.integration.stream.max-clients:50}") int maxClients,
			@Value("${matterflow.integration.stream.heartbeat:15s}") Duration heartbeat,
			@Value("${matterflow.integration.stream.poll:250ms}") Duration poll,
			@Value("${matterflow.integration.stream.lifetime:30m}") Duration lifetime) {
		this.feed = feed;
		this.heartbeat = heartbeat;
		this.poll = poll;
		this.lifetime = lifetime;
		AtomicInteger number = new AtomicInteger();
		this.streams = new ThreadPoolExecutor(0, maxClients, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
				(runnable) -> {
					Thread thread = new Thread(runnable, "event-stream-" + number.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
	}

	@Operation(summary = "The feed as Server-Sent Events, resumable with Last-Event-ID")
	@GetMapping(path = "/api/events/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
			@RequestParam(required = false) Long after, @RequestParam(required = false) List<String> type,
			@RequestParam(required = false) String body, @RequestParam(required = false) String matter) {
		PublishedLanguage.requirePublished("type", type);
		boolean resuming = lastEventId != null && !lastEventId.isBlank();
		long cursor = cursor(lastEventId, after);
		this.feed.requireGivenOut(resuming ? "Last-Event-ID" : "after", cursor);
		if (this.stopping) {
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
					"the query side is stopping; reconnect with the last event id");
		}
		Feed.Filter filter = new Feed.Filter(type, body, matter);
		SseEmitter emitter = new SseEmitter(this.lifetime.toMillis());
		AtomicBoolean closed = new AtomicBoolean();
		emitter.onCompletion(() -> closed.set(true));
		emitter.onTimeout(() -> closed.set(true));
		emitter.onError((ex) -> closed.set(true));
		try {
			this.streams.execute(() -> pump(emitter, closed, cursor, filter));
		}
		catch (RejectedExecutionException ex) {
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
					"too many open event streams; use the pull feed or retry later");
		}
		return emitter;
	}

	private void pump(SseEmitter emitter, AtomicBoolean closed, long from, Feed.Filter filter) {
		this.open.incrementAndGet();
		long cursor = from;
		long quietSince = System.nanoTime();
		try {
			emitter.send(SseEmitter.event().reconnectTime(2000).comment("matterflow event stream from " + from));
			while (!closed.get() && !this.stopping) {
				List<Feed.Entry> entries = this.feed.after(cursor, PAGE, filter);
				for (Feed.Entry entry : entries) {
					emitter.send(SseEmitter.event()
						.id(Long.toString(entry.position()))
						.name(entry.type())
						.data(entry.json()));
					cursor = entry.position();
				}
				if (!entries.isEmpty()) {
					quietSince = System.nanoTime();
					continue;
				}
				if (System.nanoTime() - quietSince > this.heartbeat.toNanos()) {
					emitter.send(SseEmitter.event().comment("heartbeat"));
					quietSince = System.nanoTime();
				}
				Thread.sleep(this.poll.toMillis());
			}
			if (!closed.get()) {
				emitter
					.send(SseEmitter.event().comment("the query side is stopping; reconnect with the last event id"));
				emitter.complete();
			}
		}
		catch (IOException | IllegalStateException ex) {
			log.debug("Event stream closed at position {}: {}", cursor, ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			emitter.complete();
		}
		catch (RuntimeException ex) {
			log.warn("Event stream failed at position {}", cursor, ex);
			emitter.completeWithError(ex);
		}
		finally {
			this.open.decrementAndGet();
		}
	}

	private static long cursor(String lastEventId, Long after) {
		String value = (lastEventId != null && !lastEventId.isBlank()) ? lastEventId.strip()
				: (after != null) ? after.toString() : "0";
		try {
			long cursor = Long.parseLong(value);
			if (cursor < 0) {
				throw new NumberFormatException();
			}
			return cursor;
		}
		catch (NumberFormatException ex) {
			throw new InvalidValue("Last-Event-ID",
					"the last event id is a feed position, 0 or more, not '" + value + "'");
		}
	}

	/** Open streams, for the metric {@code matterflow.feed.streams}. */
	int openStreams() {
		return this.open.get();
	}

	@Override
	public void start() {
		this.running = true;
	}

	/**
	 * Ends the streams at their next look (a poll's pause at most) and waits a moment for
	 * their last writes.
	 */
	@Override
	public void stop() {
		this.stopping = true;
		this.running = false;
		this.streams.shutdown();
		try {
			if (!this.streams.awaitTermination(STOP_BOUND.toMillis(), TimeUnit.MILLISECONDS)) {
				this.streams.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.streams.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Stopped before the web server's graceful shutdown, which has a lower phase. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE;
	}

}
