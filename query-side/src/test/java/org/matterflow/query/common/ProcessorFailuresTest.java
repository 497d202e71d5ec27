package org.matterflow.query.common;

import java.sql.SQLException;
import java.util.List;
import java.util.OptionalLong;

import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessorFailuresTest {

	final ProcessorFailures failures = new ProcessorFailures();

	@Test
	void a_handler_that_fails_on_an_event_fails_its_batch_and_names_that_event_until_it_is_processed() {
		List<TrackedEventMessage<?>> batch = List.of(event(10, "first"), event(11, "second"), event(12, "third"));
		IllegalStateException broken = new IllegalStateException("no such meeting");

		assertThatThrownBy(() -> this.failures.onError(broken, batch.get(1), null)).isSameAs(broken);
		assertThatThrownBy(() -> this.failures.handleError(new ErrorContext("meetings-1", broken, batch)))
			.isSameAs(broken);

		ProcessorFailures.Failure failure = this.failures.current(OptionalLong.of(9)).orElseThrow();
		assertThat(failure.batchFrom()).isEqualTo(10);
		assertThat(failure.position()).isEqualTo(11);
		assertThat(failure.eventId()).isEqualTo(batch.get(1).getIdentifier());
		assertThat(failure.describe()).startsWith("at position 11 (java.lang.String ")
			.endsWith("IllegalStateException: no such meeting");
		assertThat(this.failures.processed(OptionalLong.empty())).as("between attempts, before the batch").hasValue(9);
		assertThat(this.failures.processed(OptionalLong.of(10))).as("as the segment reports it").hasValue(10);
		assertThat(this.failures.current(OptionalLong.empty())).as("no position known yet").isPresent();
		assertThat(this.failures.current(OptionalLong.of(10))).as("still before it").isPresent();
		assertThat(this.failures.current(OptionalLong.of(11))).isEmpty();
		assertThat(this.failures.current(OptionalLong.of(9))).as("gone for good once processed").isEmpty();
	}

	@Test
	void a_batch_whose_commit_fails_is_named_by_its_last_event_with_the_root_cause() {
		List<TrackedEventMessage<?>> batch = List.of(event(20, "first"), event(21, "second"));
		RuntimeException refused = new RuntimeException("could not commit",
				new SQLException("value too long for type character varying(255)"));

		assertThatThrownBy(() -> this.failures.handleError(new ErrorContext("agenda-1", refused, batch)))
			.isSameAs(refused);

		ProcessorFailures.Failure failure = this.failures.current(OptionalLong.of(19)).orElseThrow();
		assertThat(failure.batchFrom()).isEqualTo(20);
		assertThat(failure.position()).isEqualTo(21);
		assertThat(failure.reason()).isEqualTo("RuntimeException: could not commit "
				+ "(caused by SQLException: value too long for type character varying(255))");
	}

	private static TrackedEventMessage<?> event(long position, String payload) {
		EventMessage<String> message = GenericEventMessage.asEventMessage(payload);
		return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position), message);
	}

}
