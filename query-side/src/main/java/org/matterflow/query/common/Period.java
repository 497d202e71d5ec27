package org.matterflow.query.common;

import java.time.LocalDate;

import org.matterflow.kernel.InvalidValue;

/**
 * A period a query asks for, by its first and last day, either of them open. One that
 * ends before it starts is refused rather than answered with nothing: a client that
 * swapped the two would otherwise read an empty register as a fact.
 */
public final class Period {

	private Period() {
	}

	/**
	 * @param toParameter the parameter that names the last day, which the refusal names
	 */
	public static void requireOrdered(LocalDate from, String toParameter, LocalDate to) {
		if (from != null && to != null && to.isBefore(from)) {
			throw new InvalidValue(toParameter, "the period ends (" + to + ") before it starts (" + from + ")");
		}
	}

}
