package org.matterflow.command.common;

import java.util.stream.Collectors;

import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Names the JSON field that could not be read, so a problem can point at it. */
final class JsonProblemPath {

	private JsonProblemPath() {
	}

	/** What a secretary needs to hear about a body that could not be read. */
	static String describe(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof UnrecognizedPropertyException unknown) {
				return "the field '" + path(unknown) + "' is not part of this request";
			}
			if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
				return "the field '" + path(databind) + "' has a value that cannot be read";
			}
		}
		return "the request body is not JSON of the expected shape";
	}

	private static String path(DatabindException databind) {
		return databind.getPath()
			.stream()
			.map((ref) -> (ref.getPropertyName() != null) ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
			.collect(Collectors.joining("."))
			.replace(".[", "[");
	}

}
