package org.matterflow.query.meetings;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Name;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.matterflow.kernel.meeting.MeetingTime;
import org.matterflow.query.common.Json;

/**
 * The meeting calendar as iCalendar (RFC 5545), for calendar programs that subscribe to
 * it. Each meeting is one event whose UID is its id, so a rescheduled or cancelled
 * meeting replaces what the program showed instead of adding to it. Times are written in
 * UTC, converted from the region's local time with the rules the JVM knows when the
 * calendar is read: no time-zone definition has to travel with it, and a change of those
 * rules reaches subscribers with their next refresh.
 */
final class MeetingCalendar {

	/** How often a subscribed program is asked to read the calendar again. */
	static final Duration REFRESH = Duration.ofHours(1);

	private static final int MAX_OCTETS = 75;

	/**
	 * The region's time zone as a component of every file. RFC 5545 wants at least one
	 * component in a calendar, and a body with no meeting in the period has no event; a
	 * program that shows a calendar's zone shows the region's. No time refers to it (they
	 * are in UTC), so its rules, the EU's of today, cannot move a meeting.
	 */
	private static final VTimeZone REGION_TIME_ZONE = regionTimeZone();

	private MeetingCalendar() {
	}

	static String of(String name, List<Map<String, Object>> entries) {
		Calendar calendar = new Calendar();
		calendar.add(new ProdId("-//matterflow//meeting calendar//EN"));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		calendar.add(new Name(name));
		calendar.add(new XProperty("X-WR-CALNAME", name));
		calendar.add(new RefreshInterval(null, REFRESH));
		calendar.add(new XProperty("X-PUBLISHED-TTL", REFRESH.toString()));
		calendar.add(new XProperty("X-WR-TIMEZONE", MeetingTime.ZONE.getId()));
		calendar.add((CalendarComponent) REGION_TIME_ZONE.copy());
		entries.forEach((entry) -> calendar.add(event(entry)));
		StringWriter out = new StringWriter();
		try {
			new CalendarOutputter().output(calendar, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return foldedByOctets(out.toString());
	}

	/**
	 * Lines folded at 75 octets of UTF-8, as RFC 5545 (3.1) asks, never inside a
	 * character. The library folds by characters, and Swedish letters take two octets
	 * each: a strict reader would find its lines too long. Its folds are undone first
	 * (values hold no line break of their own: theirs are escaped as {@code \n}).
	 */
	static String foldedByOctets(String text) {
		StringBuilder folded = new StringBuilder(text.length() + text.length() / 32);
		for (String line : text.replace("\r\n ", "").split("\r\n")) {
			int octets = 0;
			for (int i = 0; i < line.length();) {
				int codePoint = line.codePointAt(i);
				int length = (codePoint < 0x80) ? 1 : (codePoint < 0x800) ? 2 : (codePoint < 0x10000) ? 3 : 4;
				if (octets + length > MAX_OCTETS) {
					folded.append("\r\n ");
					octets = 1;
				}
				folded.appendCodePoint(codePoint);
				octets += length;
				i += Character.charCount(codePoint);
			}
			folded.append("\r\n");
		}
		return folded.toString();
	}

	private static VTimeZone regionTimeZone() {
		String text = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0",
				"PRODID:-//matterflow//meeting calendar//EN", "BEGIN:VTIMEZONE", "TZID:" + MeetingTime.ZONE.getId(),
				"BEGIN:DAYLIGHT", "TZNAME:CEST", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "DTSTART:19700329T020000",
				"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT", "BEGIN:STANDARD", "TZNAME:CET",
				"TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "DTSTART:19701025T030000",
				"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD", "END:VTIMEZONE", "END:VCALENDAR", "");
		try {
			return new CalendarBuilder().build(new StringReader(text))
				.<VTimeZone>getComponent(Component.VTIMEZONE)
				.orElseThrow();
		}
		catch (IOException | ParserException ex) {
			throw new IllegalStateException("the region's time zone does not parse", ex);
		}
	}

	private static VEvent event(Map<String, Object> entry) {
		LocalDate day = ((java.sql.Date) entry.get("date")).toLocalDate();
		LocalTime start = time(entry.get("start_time"));
		LocalTime end = time(entry.get("end_time"));
		String summary = summary(entry);
		VEvent event;
		if (start == null) {
			event = new VEvent(day, day.plusDays(1), summary);
		}
		else if (end == null) {
			event = new VEvent(instant(day, start), summary);
		}
		else {
			event = new VEvent(instant(day, start), instant(day, end), summary);
		}
		Instant changedAt = ((Timestamp) entry.get("changed_at")).toInstant();
		event.replace(new DtStamp(changedAt));
		event.add(new LastModified(changedAt));
		event.add(new Uid(entry.get("meeting_id") + "@matterflow"));
		event.add(new Sequence(Math.toIntExact((Long) entry.get("revision"))));
		event.add(status(entry));
		if (entry.get("location") != null) {
			event.add(new Location((String) entry.get("location")));
		}
		String description = description(entry);
		if (!description.isEmpty()) {
			event.add(new Description(description));
		}
		return event;
	}

	private static String summary(Map<String, Object> entry) {
		if (entry.get("body_name") != null) {
			return (String) entry.get("body_name");
		}
		return (entry.get("title") != null) ? (String) entry.get("title") : (String) entry.get("meeting_id");
	}

	private static Status status(Map<String, Object> entry) {
		if ("CANCELLED".equals(entry.get("status"))) {
			return ImmutableStatus.VEVENT_CANCELLED;
		}
		return Boolean.TRUE.equals(entry.get("tentative")) ? ImmutableStatus.VEVENT_TENTATIVE
				: ImmutableStatus.VEVENT_CONFIRMED;
	}

	/**
	 * What a reader of the event needs besides its time and place: why it moved or was
	 * cancelled, whether it is digital, and the items of its agenda in order.
	 */
	private static String description(Map<String, Object> entry) {
		List<String> lines = new ArrayList<>();
		if (entry.get("title") != null) {
			lines.add((String) entry.get("title"));
		}
		if ("CANCELLED".equals(entry.get("status"))) {
			lines.add(withReason("Cancelled", entry.get("cancel_reason")));
		}
		if (entry.get("originally_on") != null) {
			lines.add(withReason("Moved from " + entry.get("originally_on"), entry.get("reschedule_reason")));
		}
		if (Boolean.TRUE.equals(entry.get("tentative"))) {
			lines.add("The date is tentative.");
		}
		if ("DIGITAL".equals(entry.get("mode"))) {
			lines.add("Digital meeting.");
		}
		else if ("HYBRID".equals(entry.get("mode"))) {
			lines.add("In person and digital.");
		}
		if (entry.get("agenda") != null) {
			List<?> items = (List<?>) Json.read(String.valueOf(entry.get("agenda")));
			lines.add("Agenda:");
			for (int i = 0; i < items.size(); i++) {
				lines.add((i + 1) + ". " + items.get(i));
			}
		}
		return String.join("\n", lines);
	}

	private static String withReason(String what, Object reason) {
		return (reason != null) ? what + ": " + reason : what + ".";
	}

	private static LocalTime time(Object value) {
		return (value != null) ? ((java.sql.Time) value).toLocalTime() : null;
	}

	private static Temporal instant(LocalDate day, LocalTime time) {
		return day.atTime(time).atZone(MeetingTime.ZONE).toInstant();
	}

}
