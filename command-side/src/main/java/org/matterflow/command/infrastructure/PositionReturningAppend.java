package org.matterflow.command.infrastructure;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.Serializer;
import org.matterflow.command.common.AppendedPositions;

/**
 * Axon's append of events, with each row's global index returned by the insert itself
 * ({@code INSERT ... RETURNING global_index}) and recorded in {@link AppendedPositions},
 * from which a command's answer names its event's position. Reading the position back
 * after the commit cost a statement and a transaction of its own for every command (a
 * tenth of the statements PostgreSQL ran per command; {@code docs/performance.md}).
 *
 * <p>
 * The statement is Axon's own, prepared so that the driver appends the {@code RETURNING}
 * clause; the indexes are read right after the batch runs, because Axon closes the
 * statement as soon as it returns.
 */
final class PositionReturningAppend implements AppendEventsStatementBuilder {

	private static final String[] GLOBAL_INDEX = { "global_index" };

	@Override
	public PreparedStatement build(Connection connection, EventSchema schema, Class<?> dataType,
			List<? extends EventMessage<?>> events, Serializer serializer, TimestampWriter timestampWriter)
			throws SQLException {
		return JdbcEventStorageEngineStatements.appendEvents(returningIndexes(connection, events), schema, dataType,
				events, serializer, timestampWriter);
	}

	private static Connection returningIndexes(Connection connection, List<? extends EventMessage<?>> events) {
		InvocationHandler handler = (proxy, method, arguments) -> {
			if (method.getName().equals("prepareStatement") && arguments != null && arguments.length == 1) {
				PreparedStatement statement = connection.prepareStatement((String) arguments[0], GLOBAL_INDEX);
				return reportingIndexes(statement, events);
			}
			return invoke(connection, method, arguments);
		};
		return (Connection) Proxy.newProxyInstance(PositionReturningAppend.class.getClassLoader(),
				new Class<?>[] { Connection.class }, handler);
	}

	private static PreparedStatement reportingIndexes(PreparedStatement statement,
			List<? extends EventMessage<?>> events) {
		InvocationHandler handler = (proxy, method, arguments) -> {
			Object result = invoke(statement, method, arguments);
			if (method.getName().equals("executeBatch")) {
				report(statement, events);
			}
			return result;
		};
		return (PreparedStatement) Proxy.newProxyInstance(PositionReturningAppend.class.getClassLoader(),
				new Class<?>[] { PreparedStatement.class }, handler);
	}

	private static void report(PreparedStatement statement, List<? extends EventMessage<?>> events)
			throws SQLException {
		try (ResultSet indexes = statement.getGeneratedKeys()) {
			for (EventMessage<?> event : events) {
				if (!indexes.next()) {
					// fewer rows than events: the answer reads its position back instead
					return;
				}
				if (event instanceof DomainEventMessage<?> domainEvent) {
					AppendedPositions.appended(domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber(),
							indexes.getLong(1));
				}
			}
		}
	}

	private static Object invoke(Object target, Method method, Object[] arguments) throws Throwable {
		try {
			return method.invoke(target, arguments);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
