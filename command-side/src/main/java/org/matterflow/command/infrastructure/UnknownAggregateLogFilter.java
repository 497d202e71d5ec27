package org.matterflow.command.infrastructure;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.axonframework.modelling.command.AbstractRepository;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Keeps a client's unknown id out of the warnings. Axon's repository logs a warning with
 * the whole stack trace whenever it cannot load an aggregate, and then throws; for an
 * aggregate that does not exist that is a request naming an unknown meeting, matter or
 * assignment, which the client is told (404 or 422 {@code UNKNOWN_ID}) and an operator
 * cannot act on. Those warnings are dropped; every other failure to load an aggregate
 * (the database, an event that cannot be read) is still logged.
 */
@Component
class UnknownAggregateLogFilter extends TurboFilter implements SmartInitializingSingleton {

	private static final String REPOSITORY = AbstractRepository.class.getName();

	@Override
	public void afterSingletonsInstantiated() {
		// logging is set up before the context; this adds to it once per JVM
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging && logging.getTurboFilterList()
			.stream()
			.noneMatch((filter) -> filter instanceof UnknownAggregateLogFilter)) {
			start();
			logging.addTurboFilter(this);
		}
	}

	@Override
	public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
			Throwable thrown) {
		if (level != Level.WARN || logger == null || !REPOSITORY.equals(logger.getName())) {
			return FilterReply.NEUTRAL;
		}
		// a throwable given after the format's arguments comes as the last argument
		Throwable cause = (thrown != null) ? thrown
				: (params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last) ? last
						: null;
		return (cause instanceof AggregateNotFoundException) ? FilterReply.DENY : FilterReply.NEUTRAL;
	}

}
