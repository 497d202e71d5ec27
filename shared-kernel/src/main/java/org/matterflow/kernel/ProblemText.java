package org.matterflow.kernel;

/**
 * A problem (RFC 9457) written as text where neither side's JSON mapping answers: before
 * Spring MVC, at sign-in, at the firewall, and for what Tomcat refuses itself. Both sides
 * answer such refusals alike, so the one writing of them is here.
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

}
