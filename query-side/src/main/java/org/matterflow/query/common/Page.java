package org.matterflow.query.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.matterflow.kernel.InvalidValue;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;

/**
 * A register read in pages. A register is ordered by a day and then by the position of
 * the event that entered the row, which no two rows share; a page holds the rows after a
 * cursor up to a limit, and when more follow, a {@code Link} header with
 * {@code rel="next"} (RFC 8288) names the request that reads the next page: the same
 * request with {@code after} set to the last row's cursor. The answer stays a plain list,
 * so a client that never pages reads what it read before; one that follows the links
 * reads each row once, and of the rows entered meanwhile those that fall after its cursor
 * (old minutes entered late fall before it).
 */
public final class Page {

	/** What the {@code Link} header is, as the OpenAPI document says it. */
	public static final String NEXT_LINK = "present when more rows follow: <the same request with after=the last row's cursor>; rel=\"next\"";

	private Page() {
	}

	/** Where a row stands in its register. */
	public record Cursor(LocalDate day, long position) {

		/** Reads the {@code after} parameter, as a {@code next} link wrote it. */
		public static Cursor parse(String text) {
			int separator = text.lastIndexOf('_');
			try {
				if (separator > 0) {
					return new Cursor(LocalDate.parse(text.substring(0, separator)),
							Long.parseLong(text.substring(separator + 1)));
				}
			}
			catch (DateTimeParseException | NumberFormatException ex) {
				// refused below, as any other text that no link wrote
			}
			throw new InvalidValue("after",
					"after must be the cursor of a next link (a day and a position, as 2025-01-22_1234), but was '"
							+ text + "'");
		}

		@Override
		public String toString() {
			return this.day + "_" + this.position;
		}

	}

	/**
	 * The answer for rows read with a limit one above the page's: the first {@code limit}
	 * of them as views, with a next link if the extra row came back. The cursor is read
	 * from the last row's columns named {@code day} and {@code position}.
	 */
	public static ResponseEntity<List<Map<String, Object>>> of(List<Map<String, Object>> rows, int limit, String day,
			String position, Function<Map<String, Object>, Map<String, Object>> view) {
		return of(rows, limit, (last) -> new Cursor(LocalDate.parse(String.valueOf(last.get(day))),
				((Number) last.get(position)).longValue())
			.toString(), view);
	}

	/**
	 * The same, for a list whose order needs a cursor of its own: {@code cursorOf} writes
	 * the last row's.
	 */
	public static ResponseEntity<List<Map<String, Object>>> of(List<Map<String, Object>> rows, int limit,
			Function<Map<String, Object>, String> cursorOf, Function<Map<String, Object>, Map<String, Object>> view) {
		List<Map<String, Object>> page = Listing.of(rows.subList(0, Math.min(limit, rows.size())), view);
		if (rows.size() <= limit) {
			return ResponseEntity.ok(page);
		}
		String cursor = cursorOf.apply(rows.get(limit - 1));
		return ResponseEntity.ok().header(HttpHeaders.LINK, nextLink("after", cursor)).body(page);
	}

	/**
	 * The {@code Link} header naming the request being answered with the given parameters
	 * replaced (a null value removes one), the rest of its query as the client sent it,
	 * still percent-encoded: a header holds ASCII only. Relative, resolved against the
	 * request's own URI (RFC 8288): behind a proxy the side does not know the host and
	 * scheme its clients used.
	 */
	public static String nextLink(String... namesAndValues) {
		ServletUriComponentsBuilder builder = ServletUriComponentsBuilder.fromCurrentRequest();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			if (namesAndValues[i + 1] != null) {
				builder.replaceQueryParam(namesAndValues[i], namesAndValues[i + 1]);
			}
			else {
				builder.replaceQueryParam(namesAndValues[i]);
			}
		}
		UriComponents request = builder.build();
		return "<" + request.getPath() + "?" + request.getQuery() + ">; rel=\"next\"";
	}

}
