package org.matterflow.query.assignments;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.matterflow.kernel.InvalidValue;

/**
 * Where an assignment stands in the list's order: its due day, the day it was handed out
 * (either {@code infinity} when empty, as the list puts those last) and its id, which no
 * two share. Written {@code 2025-06-05_2025-01-22_a-17}; an id may hold underscores, so
 * it comes last.
 */
record AssignmentCursor(String due, String handedOut, String assignment) {

	private static final String EMPTY_DAY = "infinity";

	static AssignmentCursor of(Map<String, Object> row) {
		return new AssignmentCursor(day(row.get("due_date")), day(row.get("handed_out_on")),
				String.valueOf(row.get("assignment_id")));
	}

	static AssignmentCursor parse(String text) {
		String[] parts = text.split("_", 3);
		if (parts.length == 3 && isDay(parts[0]) && isDay(parts[1]) && !parts[2].isEmpty()) {
			return new AssignmentCursor(parts[0], parts[1], parts[2]);
		}
		throw new InvalidValue("after",
				"after must be the cursor of a next link (a due day, a day handed out and an id, as "
						+ "2025-06-05_2025-01-22_a-17), but was '" + text + "'");
	}

	private static String day(Object value) {
		return (value != null) ? String.valueOf(value) : EMPTY_DAY;
	}

	private static boolean isDay(String text) {
		if (EMPTY_DAY.equals(text)) {
			return true;
		}
		try {
			LocalDate.parse(text);
			return true;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	@Override
	public String toString() {
		return this.due + "_" + this.handedOut + "_" + this.assignment;
	}

}
