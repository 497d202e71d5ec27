package org.matterflow.query.infrastructure;

import org.axonframework.serialization.RevisionResolver;
import org.matterflow.kernel.Revision;

/**
 * Reads revisions from the kernel's own {@link Revision} annotation, which keeps the
 * shared kernel free of Axon. Types without it (Axon's own messages) have no revision.
 */
class KernelRevisionResolver implements RevisionResolver {

	@Override
	public String revisionOf(Class<?> payloadType) {
		Revision revision = payloadType.getAnnotation(Revision.class);
		return (revision != null) ? revision.value() : null;
	}

}
