package org.matterflow.command.infrastructure;

import java.sql.SQLException;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Axon's default JDBC resolver only recognises
 * {@code SQLIntegrityConstraintViolationException}, which the PostgreSQL driver never
 * throws. Without this, two concurrent appends to the same aggregate would surface as a
 * storage failure instead of a concurrency conflict.
 */
class PostgresDuplicateKeyResolver implements PersistenceExceptionResolver {

	private static final String UNIQUE_VIOLATION = "23505";

	@Override
	public boolean isDuplicateKeyViolation(Exception exception) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

}
