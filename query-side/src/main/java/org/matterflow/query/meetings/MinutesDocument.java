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
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

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

	private static final DateTimeFormatter DAY_OF_MONTH = DateTimeFormatter.ofPattern("d MMMM yyyy", SWEDISH);

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
		List<Map<String, Object>> items = items(list(meeting.get("agenda")), (String) meeting.get("bodyId"));
		Map<String, Integer> positions = new HashMap<>();
		items.forEach((item) -> positions.put((String) item.get("itemId"), (Integer) item.get("number")));
		document.put("items", items);
		document.put("hasItems", !items.isEmpty());
		List<Map<String, Object>> attendance = attendance(list(meeting.get("attendance")), positions);
		document.put("attendance", attendance);
		document.put("hasAttendance", !attendance.isEmpty());
		List<Map<String, Object>> besides = new ArrayList<>();
		besides.addAll(reportsBack(list(meeting.get("reportsBackWithoutItem"))));
		besides.addAll(referrals(list(meeting.get("referralsWithoutItem")), null));
		document.put("besides", besides);
		document.put("hasBesides", !besides.isEmpty());
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

	/**
	 * The items held, numbered in their order; a withdrawn item was never on it. Under
	 * each, after its decisions, what it gave rise to: the assignments handed out, the
	 * reports back heard and where the matters were sent.
	 */
	private static List<Map<String, Object>> items(List<Map<String, Object>> agenda, String bodyId) {
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
			List<Map<String, Object>> consequences = new ArrayList<>();
			list(item.get("assignments")).forEach((assignment) -> consequences.add(assignment(assignment, bodyId)));
			consequences.addAll(reportsBack(list(item.get("reportsBack"))));
			consequences.addAll(referrals(list(item.get("referrals")), (String) item.get("matterId")));
			view.put("consequences", consequences);
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
	 * "Uppdrag: Deepa Singhru: återkomma med förslag. Återrapporteras till nästa möte,
	 * senast 21 maj 2025."; a delegated mandate as "Mandat".
	 */
	private static Map<String, Object> assignment(Map<String, Object> assignment, String bodyId) {
		StringBuilder text = new StringBuilder();
		String assignees = listed(list(assignment.get("assignees")).stream()
			.map((assignee) -> String
				.valueOf((assignee.get("name") != null) ? assignee.get("name") : assignee.get("id")))
			.toList());
		if (!assignees.isEmpty()) {
			text.append(assignees).append(": ");
		}
		text.append(assignment.get("description"));
		@SuppressWarnings("unchecked")
		Map<String, Object> due = (Map<String, Object>) assignment.get("due");
		List<String> when = new ArrayList<>();
		if (due.get("atMeetingOn") != null) {
			// a meeting of this body is named by its day, another body's by its body too
			when.add("till mötet " + day((String) due.get("atMeetingOn")) + (bodyId.equals(due.get("atMeetingBody"))
					? "" : " i " + Objects.requireNonNullElse(due.get("atMeetingBodyName"), due.get("atMeetingBody"))));
		}
		else if (due.get("atMeeting") != null) {
			when.add("till mötet " + due.get("atMeeting"));
		}
		if (due.get("atMeetingOf") != null) {
			when.add(bodyId.equals(due.get("atMeetingOf")) ? "till nästa möte" : "till nästa möte i "
					+ Objects.requireNonNullElse(due.get("atMeetingOfName"), due.get("atMeetingOf")));
		}
		if (due.get("date") != null && !due.get("date").equals(due.get("atMeetingOn"))) {
			when.add("senast " + day((String) due.get("date")));
		}
		if (!when.isEmpty()) {
			text.append(sentenceEnd(text)).append(" Återrapporteras ").append(String.join(", ", when)).append('.');
		}
		return consequence("MANDATE".equals(assignment.get("kind")) ? "Mandat" : "Uppdrag", text.toString());
	}

	/** "Återrapportering: återkomma med förslag – förslaget presenterades". */
	private static List<Map<String, Object>> reportsBack(List<Map<String, Object>> reports) {
		return reports.stream()
			.map((report) -> consequence("Återrapportering",
					((report.get("description") != null) ? report.get("description") + " – " : "")
							+ report.get("summary")))
			.toList();
	}

	/**
	 * "Skickas till: Länsdelsgrupp norr och Länsdelsgrupp söder för förankring. Note",
	 * one line for a matter sent to several bodies for the same purpose and with the same
	 * note, the matter named when it is not the item's own.
	 */
	private static List<Map<String, Object>> referrals(List<Map<String, Object>> referrals, String itemMatter) {
		Map<List<Object>, List<Map<String, Object>>> alike = new LinkedHashMap<>();
		referrals
			.forEach((referral) -> alike
				.computeIfAbsent(Arrays.asList(referral.get("matterId"), referral.get("purpose"), referral.get("note")),
						(k) -> new ArrayList<>())
				.add(referral));
		return alike.values().stream().map((group) -> {
			Map<String, Object> first = group.get(0);
			StringBuilder text = new StringBuilder();
			if (!Objects.equals(first.get("matterId"), itemMatter)) {
				text.append(Objects.requireNonNullElse(first.get("matterTitle"), first.get("matterId"))).append(" – ");
			}
			text.append(listed(group.stream()
				.map((referral) -> String
					.valueOf(Objects.requireNonNullElse(referral.get("toBodyName"), referral.get("toBody"))))
				.toList()));
			text.append(switch (String.valueOf(first.get("purpose"))) {
				case "FOR_DECISION" -> " för beslut";
				case "FOR_PREPARATION" -> " för beredning";
				case "FOR_INFORMATION" -> " för kännedom";
				case "FOR_ANCHORING" -> " för förankring";
				default -> "";
			});
			if (first.get("note") != null) {
				text.append(". ").append(first.get("note"));
			}
			return consequence("Skickas till", text.toString());
		}).toList();
	}

	private static Map<String, Object> consequence(String label, String text) {
		Map<String, Object> consequence = new LinkedHashMap<>();
		consequence.put("label", label);
		consequence.put("text", text);
		return consequence;
	}

	/** A full stop, unless the text ends a sentence already. */
	private static String sentenceEnd(CharSequence text) {
		char last = (text.length() > 0) ? text.charAt(text.length() - 1) : '.';
		return (last == '.' || last == '!' || last == '?') ? "" : ".";
	}

	/** "A", "A och B", "A, B och C". */
	private static String listed(List<String> names) {
		if (names.size() < 2) {
			return String.join("", names);
		}
		return String.join(", ", names.subList(0, names.size() - 1)) + " och " + names.get(names.size() - 1);
	}

	private static String day(String date) {
		return LocalDate.parse(date).format(DAY_OF_MONTH);
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
