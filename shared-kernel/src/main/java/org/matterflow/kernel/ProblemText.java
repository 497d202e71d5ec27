package org.matterflow.kernel;

import java.util.Collection;
import java.util.List;

/**
 * A problem (RFC 9457) written as text where neither side's JSON mapping answers: before
 * Spring MVC, at sign-in, at the firewall, and for what Tomcat refuses itself; and the
 * details of the refusals Spring MVC makes before a handler runs. Both sides answer such
 * refusals alike, so the one writing of them is here.
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
