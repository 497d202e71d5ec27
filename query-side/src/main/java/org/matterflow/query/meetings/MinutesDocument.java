package org.matterflow.query.meetings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import org.matterflow.kernel.meeting.MeetingTime;

/**
 * What the minutes document shows of a meeting, prepared for its template: the meeting's
 * view ({@link MeetingQueries#meeting}) arranged as a body's minutes are read, with the
 * items numbered as held, the participants by how they took part, and the corrections
 * after the record they correct, which stays as it was adjusted. Before the meeting is
 * held the same document is its notice with the agenda.
 *
 * <p>
 * The document is in Swedish, the language of the record it renders: its readers are the
 * members, the region's archive and the public, and its titles, discussions and decisions
 * are Swedish text.
 */
final class MinutesDocument {

	/**
	 * The document runs nothing and loads nothing: should a recorded text ever get past
	 * the escaping, a browser would still not run it. Its style is inline.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; "
			+ "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

	private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", SWEDISH);

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", SWEDISH);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH.mm");

	private static final DateTimeFormatter RECORDED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH.mm")
		.withZone(MeetingTime.ZONE);

	/**
	 * Compiled once. Every value is HTML-escaped; a value the model holds as null writes
	 * nothing, while a name the model lacks fails, so a misspelt name in the template
	 * shows in the tests instead of as a silent gap.
	 */
	private static final Template TEMPLATE = Mustache.compiler()
		.escapeHTML(true)
		.nullValue("")
		.emptyStringIsFalse(true)
		.compile(template());

	private MinutesDocument() {
	}

	/** The document of a meeting's view, as HTML. */
	static String render(Map<String, Object> meeting) {
		return TEMPLATE.execute(of(meeting));
	}

	private static String template() {
		try (InputStream in = MinutesDocument.class.getResourceAsStream("minutes.mustache")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Map<String, Object> of(Map<String, Object> meeting) {
		Map<String, Object> document = new LinkedHashMap<>();
		String status = (String) meeting.get("status");
		@SuppressWarnings("unchecked")
		Map<String, Object> minutes = (Map<String, Object>) meeting.get("minutes");
		document.put("meetingId", meeting.get("meetingId"));
		document.put("bodyName", (meeting.get("bodyName") != null) ? meeting.get("bodyName") : meeting.get("bodyId"));
		document.put("heading", heading(meeting, status, minutes));
		document.put("when", when(meeting));
		document.put("location", meeting.get("location"));
		document.put("mode", switch (String.valueOf(meeting.get("mode"))) {
			case "DIGITAL" -> "Digitalt möte";
			case "HYBRID" -> "På plats och digitalt";
			default -> null;
		});
		document.put("cancelled", "CANCELLED".equals(status));
		document.put("cancelReason", meeting.get("cancelReason"));
		document.put("notice", "SCHEDULED".equals(status));
		document.put("adjusted", "ADJUSTED".equals(status));
		// Only minutes with an adjuster are adjusted: a group's notes never are.
		document.put("notAdjusted",
				("OPEN".equals(status) || "CLOSED".equals(status)) && minutes.get("adjusterName") != null);
		document.put("adjustedOn", minutes.get("adjustedOn"));
		document.put("adjustedBy", String.join(", ", strings(minutes.get("adjustedBy"))));
		document.put("adjusterName", minutes.get("adjusterName"));
		List<Map<String, Object>> items = items(list(meeting.get("agenda")));
		Map<String, Integer> positions = new HashMap<>();
		items.forEach((item) -> positions.put((String) item.get("itemId"), (Integer) item.get("number")));
		document.put("items", items);
		document.put("hasItems", !items.isEmpty());
		List<Map<String, Object>> attendance = attendance(list(meeting.get("attendance")), positions);
		document.put("attendance", attendance);
		document.put("hasAttendance", !attendance.isEmpty());
		List<Map<String, Object>> corrections = corrections(list(meeting.get("corrections")), positions);
		document.put("corrections", corrections);
		document.put("hasCorrections", !corrections.isEmpty());
		return document;
	}

	/**
	 * The meeting's own title when the record gives one; otherwise what a body with an
	 * adjuster keeps (a protocol), or notes.
	 */
	private static String heading(Map<String, Object> meeting, String status, Map<String, Object> minutes) {
		if (meeting.get("title") != null) {
			return (String) meeting.get("title");
		}
		if ("SCHEDULED".equals(status) || "CANCELLED".equals(status)) {
			return "Kallelse";
		}
		return (minutes.get("adjusterName") != null) ? "Protokoll" : "Minnesanteckningar";
	}

	private static String when(Map<String, Object> meeting) {
		LocalDate date = LocalDate.parse((String) meeting.get("date"));
		String precision = String.valueOf(meeting.get("datePrecision"));
		if ("YEAR".equals(precision)) {
			return String.valueOf(date.getYear());
		}
		if ("MONTH".equals(precision)) {
			return date.format(MONTH);
		}
		String day = date.format(DAY);
		if (meeting.get("start") == null) {
			return day;
		}
		String start = LocalTime.parse((String) meeting.get("start")).format(TIME);
		return day + ", kl. " + start
				+ ((meeting.get("end") != null) ? "–" + LocalTime.parse((String) meeting.get("end")).format(TIME) : "");
	}

	/** The items held, numbered in their order; a withdrawn item was never on it. */
	private static List<Map<String, Object>> items(List<Map<String, Object>> agenda) {
		List<Map<String, Object>> items = new ArrayList<>();
		for (Map<String, Object> item : agenda) {
			if (Boolean.TRUE.equals(item.get("withdrawn"))) {
				continue;
			}
			Map<String, Object> view = new LinkedHashMap<>();
			view.put("itemId", item.get("itemId"));
			view.put("number", items.size() + 1);
			view.put("title", item.get("title"));
			view.put("presenters", String.join(", ", strings(item.get("presenters"))));
			view.put("description", item.get("description"));
			view.put("discussion", item.get("discussion"));
			view.put("decisions",
					list(item.get("decisions")).stream().map((decision) -> decision.get("text")).toList());
			List<Map<String, Object>> documents = list(item.get("documents")).stream()
				.map(MinutesDocument::document)
				.toList();
			view.put("documents", documents);
			view.put("hasDocuments", !documents.isEmpty());
			view.put("deferred", Boolean.TRUE.equals(item.get("deferred")));
			view.put("deferReason", item.get("deferReason"));
			items.add(view);
		}
		return items;
	}

	/**
	 * A document reference as a link only where it is a web address: a reference may be
	 * any text, and a {@code javascript:} one must not become a link in the archive's
	 * copy.
	 */
	private static Map<String, Object> document(Map<String, Object> reference) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("title", reference.get("title"));
		String uri = String.valueOf(reference.get("uri"));
		document.put("href", isWebAddress(uri) ? uri : null);
		document.put("reference", uri);
		return document;
	}

	static boolean isWebAddress(String uri) {
		try {
			String scheme = URI.create(uri).getScheme();
			return "https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static List<Map<String, Object>> attendance(List<Map<String, Object>> attendees,
			Map<String, Integer> positions) {
		List<Map<String, Object>> groups = new ArrayList<>();
		group(groups, "Närvarande", attendees, "PRESENT", positions);
		group(groups, "Deltog digitalt", attendees, "DIGITAL", positions);
		group(groups, "Gäster", attendees, "GUEST", positions);
		group(groups, "Frånvarande", attendees, "ABSENT", positions);
		return groups;
	}

	private static void group(List<Map<String, Object>> groups, String heading, List<Map<String, Object>> attendees,
			String status, Map<String, Integer> positions) {
		List<String> people = attendees.stream()
			.filter((attendee) -> status.equals(attendee.get("status")))
			.map((attendee) -> person(attendee, positions))
			.toList();
		if (!people.isEmpty()) {
			groups.add(Map.of("heading", heading, "people", people));
		}
	}

	private static String person(Map<String, Object> attendee, Map<String, Integer> positions) {
		StringBuilder person = new StringBuilder((String) attendee.get("name"));
		if (attendee.get("organisation") != null) {
			person.append(", ").append(attendee.get("organisation"));
		}
		List<String> items = strings(attendee.get("items")).stream()
			.filter(positions::containsKey)
			.map((item) -> "§ " + positions.get(item))
			.toList();
		if (!items.isEmpty()) {
			person.append(" (").append(String.join(", ", items)).append(')');
		}
		return person.toString();
	}

	private static List<Map<String, Object>> corrections(List<Map<String, Object>> corrections,
			Map<String, Integer> positions) {
		return corrections.stream().map((correction) -> {
			Map<String, Object> view = new LinkedHashMap<>();
			Integer number = positions.get(correction.get("itemId"));
			view.put("item", (number != null) ? "§ " + number : null);
			view.put("what", correction.get("what"));
			view.put("correction", correction.get("correction"));
			view.put("reason", correction.get("reason"));
			view.put("recordedAt", (correction.get("recordedAt") != null)
					? RECORDED.format(Instant.parse((String) correction.get("recordedAt"))) : null);
			view.put("recordedBy", correction.get("recordedBy"));
			return view;
		}).toList();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Object value) {
		return (value instanceof List<?> list) ? (List<Map<String, Object>>) list : List.of();
	}

	private static List<String> strings(Object value) {
		return (value instanceof List<?> list) ? list.stream().map(String::valueOf).toList() : List.of();
	}

}
