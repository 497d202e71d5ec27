package org.matterflow.query.common;

/** Column values as the API shows them: ISO dates and times, minutes without seconds. */
public final class Rows {

	private Rows() {
	}

	/**
	 * The plain value of any id of the kernel, or null (ids never contain ':', streams
	 * are type:id).
	 */
	public static String id(Object id) {
		if (id == null) {
			return null;
		}
		String text = id.toString();
		return text.substring(text.indexOf(':') + 1);
	}

	public static String text(Object value) {
		if (value instanceof java.sql.Time time) {
			return time.toLocalTime().toString();
		}
		if (value instanceof java.sql.Date date) {
			return date.toLocalDate().toString();
		}
		if (value instanceof java.sql.Timestamp timestamp) {
			return timestamp.toInstant().toString();
		}
		return (value != null) ? value.toString() : null;
	}

}
