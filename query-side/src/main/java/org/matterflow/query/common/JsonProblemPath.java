package org.matterflow.query.common;

import java.util.Arrays;
import java.util.Optional;

import org.matterflow.kernel.ExpectedValue;
import org.matterflow.kernel.ProblemText;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Names the JSON field of a new subscription or calendar address that could not be read,
 * and what it takes, as the command side names a command's.
 */
final class JsonProblemPath {

	/**
	 * How Jackson's parser begins its refusal of a field given twice; the exception has
	 * no type of its own.
	 */
	private static final String DUPLICATE = "Duplicate Object property";

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
			if (cause instanceof StreamReadException read && read.processor() != null
					&& String.valueOf(read.getOriginalMessage()).startsWith(DUPLICATE)) {
				String field = fromPointer(read.processor().streamReadContext().pathAsPointer().toString());
				return new Unreadable(field, ProblemText.fieldGivenTwice(field));
			}
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

	/** "/items/0/title" as "items[0].title", the way the other refusals name a field. */
	private static String fromPointer(String pointer) {
		return ProblemText.fieldPath(Arrays.stream(pointer.substring(1).split("/"))
			.map((step) -> step.replace("~1", "/").replace("~0", "~"))
			.map((step) -> (!step.isEmpty() && step.chars().allMatch(Character::isDigit))
					? (Object) Integer.valueOf(step) : step)
			.toList());
	}

	private static String path(DatabindException databind) {
		return ProblemText.fieldPath(databind.getPath()
			.stream()
			.map((ref) -> (ref.getPropertyName() != null) ? (Object) ref.getPropertyName() : ref.getIndex())
			.toList());
	}

}
