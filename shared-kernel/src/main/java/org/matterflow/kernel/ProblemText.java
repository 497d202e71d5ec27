package org.matterflow.kernel;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A problem (RFC 9457) written as text where neither side's JSON mapping answers: before
 * Spring MVC, at sign-in, at the firewall, and for what Tomcat refuses itself; and the
 * details of the refusals Spring MVC makes before a handler runs, and of a request body
 * that cannot be read. Both sides answer such refusals alike, so the one writing of them
 * is here.
 */
public final class ProblemText {

	private ProblemText() {
	}

	/**
	 * The problem's JSON; a 400 carries the code {@code INVALID_REQUEST}. The title and
	 * detail are matterflow's own sentences and hold no quote or backslash.
	 */
	public static String of(int status, String title, String detail) {
		String code = (status == 400) ? ",\"code\":\"" + ErrorCode.INVALID_REQUEST.name() + "\"" : "";
		return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail
				+ "\"" + code + "}";
	}

	/** An address the side does not have. */
	public static String noAddress(String path) {
		return "there is no address " + path;
	}

	/** A method the address does not take: "this address takes POST, not GET". */
	public static String methodNotTaken(Collection<String> methods, String sent) {
		String takes = methods.isEmpty() ? "no method" : String.join(" or ", methods.stream().sorted().toList());
		return "this address takes " + takes + ", not " + sent;
	}

	/**
	 * A body of a type the address does not read, its types as Content-Type names them.
	 */
	public static String typeNotRead(Collection<String> types, String sent) {
		return "this address reads " + named(types) + ", not " + sent;
	}

	/** An answer asked for in a type the address does not give. */
	public static String typeNotGiven(Collection<String> types, String asked) {
		return "this address answers in " + named(types) + ", not " + asked;
	}

	/** A request whose body is missing. */
	public static String emptyBody() {
		return "the request body is empty";
	}

	/** A body that is not JSON, or not the object the address takes. */
	public static String notJsonOfShape() {
		return "the request body is not JSON of the expected shape (its fields are in /v3/api-docs)";
	}

	/** A field the request does not have, most often a misspelling of one it has. */
	public static String unknownField(String field, Collection<String> known) {
		String fields = String.join(", ", known.stream().sorted().toList());
		return "the field '" + field + "' is not part of this request"
				+ (fields.isEmpty() ? "" : "; its fields are " + fields);
	}

	/**
	 * A field as the refusals name it, from the steps to it: names joined by dots, an
	 * index in brackets ({@code documents[0].uri}).
	 */
	public static String fieldPath(List<?> steps) {
		StringBuilder path = new StringBuilder();
		for (Object step : steps) {
			if (step instanceof Integer index) {
				path.append('[').append(index).append(']');
			}
			else {
				path.append((path.length() > 0) ? "." : "").append(step);
			}
		}
		return path.toString();
	}

	/** A field given twice in one object: which of the two was meant cannot be told. */
	public static String fieldGivenTwice(String field) {
		return "the field '" + field + "' is given twice; which value is meant cannot be told";
	}

	/** A field whose value is not of its type; what it must be when that can be said. */
	public static String unreadableField(String field, Optional<String> expected) {
		return "the field '" + field + "' has a value that cannot be read"
				+ expected.map((what) -> ": it must be " + what).orElse("");
	}

	/**
	 * "a, b or c" of the concrete types, without their parameters and without the
	 * wildcards ({@code application/*+json}) Spring lists beside them.
	 */
	private static String named(Collection<String> types) {
		List<String> names = types.stream()
			.map((type) -> type.split(";", 2)[0].strip())
			.filter((type) -> !type.contains("*"))
			.distinct()
			.toList();
		if (names.isEmpty()) {
			return "no type";
		}
		return (names.size() == 1) ? names.get(0)
				: String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
	}

}
