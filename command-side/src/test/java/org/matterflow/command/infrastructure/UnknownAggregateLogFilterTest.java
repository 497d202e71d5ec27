package org.matterflow.command.infrastructure;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.axonframework.modelling.command.AbstractRepository;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** Only the repository's warning about an aggregate that does not exist is dropped. */
class UnknownAggregateLogFilterTest {

	private final UnknownAggregateLogFilter filter = new UnknownAggregateLogFilter();

	private final LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();

	private final Logger repository = this.logging.getLogger(AbstractRepository.class);

	private static final String FORMAT = "Exception occurred while trying to load a aggregate with identifier [{}].";

	@Test
	void the_warning_that_an_aggregate_does_not_exist_is_dropped() {
		assertThat(decide(this.repository, Level.WARN, new AggregateNotFoundException("meeting:nope", "not found")))
			.isEqualTo(FilterReply.DENY);
	}

	@Test
	void any_other_failure_to_load_an_aggregate_is_still_logged() {
		assertThat(decide(this.repository, Level.WARN, new IllegalStateException("connection refused")))
			.isEqualTo(FilterReply.NEUTRAL);
		assertThat(decide(this.repository, Level.ERROR, new AggregateNotFoundException("meeting:nope", "not found")))
			.isEqualTo(FilterReply.NEUTRAL);
	}

	@Test
	void the_same_exception_logged_elsewhere_is_still_logged() {
		assertThat(decide(this.logging.getLogger("org.matterflow.command"), Level.WARN,
				new AggregateNotFoundException("meeting:nope", "not found")))
			.isEqualTo(FilterReply.NEUTRAL);
	}

	private FilterReply decide(Logger logger, Level level, Throwable thrown) {
		return this.filter.decide(null, logger, level, FORMAT, new Object[] { "meeting:nope", thrown }, null);
	}

}
