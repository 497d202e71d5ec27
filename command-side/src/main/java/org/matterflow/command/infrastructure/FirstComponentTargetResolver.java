package org.matterflow.command.infrastructure;

import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.matterflow.command.common.RecordMetadata;

/**
 * Routes a command to its aggregate by the command's first record component, which is the
 * aggregate id in every command of the kernel; the expected version, if the client sent
 * one, travels in the metadata. So commands need no framework annotations.
 */
public class FirstComponentTargetResolver implements CommandTargetResolver {

	private final Map<Class<?>, RecordComponent> firstComponents = new ConcurrentHashMap<>();

	@Override
	public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
		Object payload = command.getPayload();
		RecordComponent first = this.firstComponents.computeIfAbsent(payload.getClass(), (type) -> {
			if (!type.isRecord() || type.getRecordComponents().length == 0) {
				throw new IllegalArgumentException(type.getName() + " is not a command record with an aggregate id");
			}
			return type.getRecordComponents()[0];
		});
		Object id;
		try {
			id = first.getAccessor().invoke(payload);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("cannot read the aggregate id of " + payload.getClass().getName(), ex);
		}
		if (id == null) {
			throw new IllegalArgumentException(payload.getClass().getSimpleName() + " has no aggregate id");
		}
		Object expected = command.getMetaData().get(RecordMetadata.EXPECTED_VERSION);
		Long version = (expected != null) ? Long.valueOf(expected.toString()) : null;
		return new VersionedAggregateIdentifier(id.toString(), version);
	}

}
