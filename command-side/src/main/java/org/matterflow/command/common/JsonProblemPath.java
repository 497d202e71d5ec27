package org.matterflow.command.common;

import java.util.stream.Collectors;

import tools.jackson.databind.DatabindException;

/** Names the JSON field that could not be read, so a problem can point at it. */
final class JsonProblemPath {

	private JsonProblemPath() {
	}

	static String of(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
				return path(databind);
			}
		}
		return null;
	}

	private static String path(DatabindException databind) {
		return databind.getPath()
			.stream()
			.map((ref) -> (ref.getPropertyName() != null) ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
			.collect(Collectors.joining("."))
			.replace(".[", "[");
	}

}
