package org.matterflow.query.common;

import java.util.Optional;
import java.util.stream.Collectors;

import org.matterflow.kernel.ExpectedValue;
import org.matterflow.kernel.ProblemText;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Names the JSON field of a new subscription or calendar address that could not be read,
 * and what it takes, as the command side names a command's.
 */
final class JsonProblemPath {

	private JsonProblemPath() {
	}

	/** The field that could not be read and what the client needs to hear about it. */
	record Unreadable(String field, String message) {
	}

	/**
	 * What could not be read in a body; no field when the body is not JSON at all or the
	 * failure names none.
	 */
	static Unreadable describe(Throwable failure) {
		if (isEmptyBody(failure)) {
			return new Unreadable(null, ProblemText.emptyBody());
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof UnrecognizedPropertyException unknown) {
				String field = path(unknown);
				return new Unreadable(field, ProblemText.unknownField(field,
						unknown.getKnownPropertyIds().stream().map(String::valueOf).toList()));
			}
			if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
				String field = path(databind);
				return new Unreadable(field,
						ProblemText.unreadableField(field, (databind instanceof MismatchedInputException mismatched)
								? ExpectedValue.of(mismatched.getTargetType()) : Optional.empty()));
			}
		}
		return new Unreadable(null, ProblemText.notJsonOfShape());
	}

	/**
	 * Whether the body was empty: Spring says so only in its message. An empty body is
	 * not malformed JSON.
	 */
	static boolean isEmptyBody(Throwable failure) {
		return failure.getMessage() != null && failure.getMessage().startsWith("Required request body is missing");
	}

	private static String path(DatabindException databind) {
		return databind.getPath()
			.stream()
			.map((ref) -> (ref.getPropertyName() != null) ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
			.collect(Collectors.joining("."))
			.replace(".[", "[");
	}

}
