package org.matterflow.query.common;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;

import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackedEventMessage;

/**
 * Why a processor's last batch failed, kept until the processor has read past it, and the
 * failure let through so that the batch is rolled back and tried again: no event is ever
 * skipped (ADR 0007). Axon's pooled processor releases a failed segment and claims it
 * again after a back-off, so between attempts its status shows no segment at all rather
 * than an error; this is what the read models' and the feed's status and health report
 * instead.
 *
 * Used as both of a processor's error handlers: the one around each handler call, which
 * sees the event that failed, and the one around the batch, which also sees failures of
 * the commit (a statement PostgreSQL refuses).
 */
public final class ProcessorFailures implements ListenerInvocationErrorHandler, ErrorHandler {

	/**
	 * A failed batch: from the position of its first event, failed at {@code position}
	 * (the event whose handler failed, or the batch's last if the commit failed), for
	 * {@code reason}.
	 */
	public record Failure(long batchFrom, long position, String eventId, String payloadType, String reason) {

		/** The event and the error, as an operator reads them. */
		public String describe() {
			return "at position " + this.position + " (" + this.payloadType + " " + this.eventId + "): " + this.reason;
		}

	}

	private final AtomicReference<Failure> last = new AtomicReference<>();

	/** The event a handler failed on, until the batch's failure is recorded. */
	private final ThreadLocal<Failure> failedEvent = new ThreadLocal<>();

	@Override
	public void onError(Exception exception, EventMessage<?> event, EventMessageHandler handler) throws Exception {
		long position = positionOf(event).orElse(-1);
		this.failedEvent
			.set(new Failure(position, position, event.getIdentifier(), payloadTypeOf(event), describe(exception)));
		throw exception;
	}

	@Override
	public void handleError(ErrorContext context) throws Exception {
		List<? extends EventMessage<?>> batch = context.failedEvents();
		long from = batch.stream().map(ProcessorFailures::positionOf).mapToLong((p) -> p.orElse(-1)).min().orElse(-1);
		Failure event = this.failedEvent.get();
		this.failedEvent.remove();
		if (event != null) {
			this.last.set(new Failure(from, event.position(), event.eventId(), event.payloadType(), event.reason()));
		}
		else {
			EventMessage<?> lastOfBatch = batch.isEmpty() ? null : batch.get(batch.size() - 1);
			this.last.set(new Failure(from, (lastOfBatch != null) ? positionOf(lastOfBatch).orElse(-1) : -1,
					(lastOfBatch != null) ? lastOfBatch.getIdentifier() : null,
					(lastOfBatch != null) ? payloadTypeOf(lastOfBatch) : null, describe(context.error())));
		}
		PropagatingErrorHandler.instance().handleError(context);
	}

	/** The handler's failure was parked with its event: it holds nothing back. */
	void parked() {
		this.failedEvent.remove();
	}

	/**
	 * The failure that holds the processor back, if any: none once it has processed the
	 * event it failed on.
	 */
	public Optional<Failure> current(OptionalLong processed) {
		Failure failure = this.last.get();
		if (failure != null && processed.isPresent() && processed.getAsLong() >= failure.position()) {
			this.last.compareAndSet(failure, null);
			return Optional.empty();
		}
		return Optional.ofNullable(failure);
	}

	/**
	 * How far the processor has processed: the position its segment reports, or, while a
	 * failed batch leaves the segment unclaimed between attempts, what came before that
	 * batch, which was rolled back.
	 */
	public OptionalLong processed(OptionalLong reported) {
		if (reported.isPresent()) {
			return reported;
		}
		Failure failure = this.last.get();
		return (failure != null && failure.batchFrom() > 0) ? OptionalLong.of(failure.batchFrom() - 1) : reported;
	}

	/** The error and its root cause, short enough for a status line. */
	static String describe(Throwable failure) {
		// what kept a failure from the dead-letter queue is told apart already
		Throwable error = (failure instanceof DeadLetters.NotParked && failure.getCause() != null) ? failure.getCause()
				: failure;
		Throwable root = error;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String text = error.getClass().getSimpleName() + ": " + error.getMessage();
		if (root != error) {
			text += " (caused by " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
		}
		return (text.length() > 1000) ? text.substring(0, 1000) + "…" : text;
	}

	private static OptionalLong positionOf(EventMessage<?> event) {
		if (event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
			return tracked.trackingToken().position();
		}
		return OptionalLong.empty();
	}

	/** The payload's type by name: the payload itself may be what cannot be read. */
	private static String payloadTypeOf(EventMessage<?> event) {
		try {
			return event.getPayloadType().getName();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
