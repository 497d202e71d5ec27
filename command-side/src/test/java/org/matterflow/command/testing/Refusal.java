package org.matterflow.command.testing;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.matterflow.command.common.RuleViolation;
import org.matterflow.kernel.ErrorCode;

/** Matches a command refused for the given reason. */
public final class Refusal {

	private Refusal() {
	}

	public static Matcher<RuleViolation> refusedWith(ErrorCode code) {
		return new TypeSafeMatcher<>() {

			@Override
			protected boolean matchesSafely(RuleViolation violation) {
				return violation.code() == code;
			}

			@Override
			public void describeTo(Description description) {
				description.appendText("a refusal with code " + code);
			}

		};
	}

}
