package org.matterflow.command.importing;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.matterflow.command.common.BusinessDate;
import org.matterflow.command.meeting.Meetings;
import org.matterflow.kernel.DocumentRef;
import org.matterflow.kernel.ErrorCode;
import org.matterflow.kernel.PersonId;
import org.matterflow.kernel.assignment.Assignee;
import org.matterflow.kernel.assignment.AssignmentId;
import org.matterflow.kernel.assignment.AssignmentKind;
import org.matterflow.kernel.assignment.CompleteAssignment;
import org.matterflow.kernel.assignment.Due;
import org.matterflow.kernel.assignment.HandOutAssignment;
import org.matterflow.kernel.assignment.ReportBackAssignment;
import org.matterflow.kernel.body.AppointMember;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.body.BodyKind;
import org.matterflow.kernel.body.ElectOfficer;
import org.matterflow.kernel.body.EndMembership;
import org.matterflow.kernel.body.EstablishBody;
import org.matterflow.kernel.body.MembershipId;
import org.matterflow.kernel.body.Role;
import org.matterflow.kernel.matter.CloseMatter;
import org.matterflow.kernel.matter.MatterId;
import org.matterflow.kernel.matter.QueueMatter;
import org.matterflow.kernel.matter.RaiseMatter;
import org.matterflow.kernel.matter.ReferMatter;
import org.matterflow.kernel.matter.ReferralPurpose;
import org.matterflow.kernel.meeting.AddAgendaItem;
import org.matterflow.kernel.meeting.AdjustMinutes;
import org.matterflow.kernel.meeting.AdoptAgenda;
import org.matterflow.kernel.meeting.AgendaItemId;
import org.matterflow.kernel.meeting.AppointMinutesAdjuster;
import org.matterflow.kernel.meeting.AttendanceStatus;
import org.matterflow.kernel.meeting.CancelMeeting;
import org.matterflow.kernel.meeting.CloseMeeting;
import org.matterflow.kernel.meeting.CorrectMinutes;
import org.matterflow.kernel.meeting.CorrectionId;
import org.matterflow.kernel.meeting.DecisionId;
import org.matterflow.kernel.meeting.DecisionKind;
import org.matterflow.kernel.meeting.DeferItem;
import org.matterflow.kernel.meeting.ItemKind;
import org.matterflow.kernel.meeting.MeetingId;
import org.matterflow.kernel.meeting.MeetingMode;
import org.matterflow.kernel.meeting.MeetingTime;
import org.matterflow.kernel.meeting.OpenMeeting;
import org.matterflow.kernel.meeting.RecordAttendance;
import org.matterflow.kernel.meeting.RecordDiscussion;
import org.matterflow.kernel.meeting.RescheduleMeeting;
import org.matterflow.kernel.meeting.ScheduleMeeting;
import org.matterflow.kernel.meeting.TakeDecision;

/**
 * Turns a record (see {@code docs/meeting-records.md}) into the commands a secretary
 * would send for it, in the order the meeting happened: bodies and matters it names, the
 * meeting in the calendar, the agenda, the session with its attendance and, item by item,
 * what was discussed, decided, handed out, reported back, referred and deferred; then the
 * backlog, the dates set for coming meetings, closing, adjustment and corrections. Each
 * command keeps the entry it came from, so that a refusal names the line to fix.
 */
final class RecordPlanner {

	static final String MEETING_RECORD = "meeting-record/1";

	static final String STRUCTURE = "structure/1";

	/** A command and the entry of the record it comes from. */
	record Step(RecordNode source, String label, Object command, BusinessDate businessDate) {
	}

	/** What a record holds: its kind, its subject and the commands it stands for. */
	record Plan(String kind, String subject, LocalDate date, List<Step> steps) {
	}

	private final Meetings meetings;

	private final List<Step> steps = new ArrayList<>();

	private final LocalDate today;

	/** The day the entries planned now took effect: the meeting's, or the structure's. */
	private BusinessDate businessDate;

	RecordPlanner(Meetings meetings, LocalDate today) {
		this.meetings = meetings;
		this.today = today;
	}

	Plan plan(RecordNode record) {
		String format = record.text("matterflow");
		return switch (format) {
			case MEETING_RECORD -> meetingRecord(record);
			case STRUCTURE -> structure(record);
			default -> throw record.require("matterflow")
				.problem("this importer reads 'matterflow: " + MEETING_RECORD + "' and 'matterflow: " + STRUCTURE
						+ "', not '" + format + "'");
		};
	}

	private Plan structure(RecordNode record) {
		record.allow("matterflow", "source", "asOf", "bodies", "matters");
		LocalDate asOf = record.optionalDate("asOf");
		this.businessDate = (asOf != null) ? BusinessDate.of(asOf) : null;
		record.list("bodies").forEach((body) -> body(body, null, asOf));
		record.list("matters").forEach((matter) -> matter(matter, null));
		return new Plan("structure", record.optionalText("source"), asOf, List.copyOf(this.steps));
	}

	private Plan meetingRecord(RecordNode record) {
		record.allow("matterflow", "source", "meeting", "bodies", "matters", "attendance", "agendaAdopted", "agenda",
				"backlog", "comingMeetings", "closed", "adjusted", "corrections");
		RecordNode meetingNode = record.require("meeting");
		meetingNode.allow("id", "body", "title", "date", "time", "location", "mode", "tentative", "cancelled");
		MeetingId meetingId = meetingNode.convert(() -> MeetingId.of(meetingNode.text("id")));
		BodyId bodyId = meetingNode.convert(() -> BodyId.of(meetingNode.text("body")));
		MeetingTime time = meetingTime(meetingNode);
		this.businessDate = new BusinessDate(time.date(), time.precision());
		Context meeting = new Context(meetingId, bodyId, time.date());

		record.list("bodies").forEach((body) -> body(body, meeting, time.date()));
		record.list("matters").forEach((matter) -> matter(matter, bodyId));
		String cancelled = meetingNode.optionalText("cancelled");
		boolean toCome = cancelled == null && time.date().isAfter(this.today);
		schedule(meetingNode, meeting, time, !toCome);
		scheduleComingMeetings(record, meeting);
		List<RecordNode> agenda = record.list("agenda");
		Set<String> itemIds = new HashSet<>();
		for (int i = 0; i < agenda.size(); i++) {
			addItem(agenda.get(i), i + 1, meeting, itemIds);
		}
		if (cancelled != null) {
			refuseSessionEntries(record, ErrorCode.INVALID_REQUEST, "a cancelled meeting has no '%s'");
			add(meetingNode.require("cancelled"), "meeting cancelled", new CancelMeeting(meetingId, cancelled));
			cancelComingMeetings(record, meeting);
			return new Plan("meeting", meetingId.value(), time.date(), List.copyOf(this.steps));
		}
		if (toCome) {
			// the notice (kallelse) of a meeting still to come: the agenda and no more
			String notice = "meeting '" + meetingId.value() + "' is on " + time.date()
					+ ", a day still to come: its record is the notice with the agenda, and has no '%s' until it is held";
			refuseSessionEntries(record, ErrorCode.BEFORE_MEETING_DAY, notice);
			if (record.flag("closed", false)) {
				throw record.require("closed").problem(ErrorCode.BEFORE_MEETING_DAY, notice.formatted("closed: true"));
			}
			cancelComingMeetings(record, meeting);
			return new Plan("meeting", meetingId.value(), time.date(), List.copyOf(this.steps));
		}
		add(meetingNode, "meeting opened", new OpenMeeting(meetingId));
		if (record.flag("agendaAdopted", false)) {
			add(record.require("agendaAdopted"), "agenda adopted", new AdoptAgenda(meetingId));
		}
		record.list("attendance").forEach((person) -> attendance(person, meeting));
		for (RecordNode item : agenda) {
			itemEntries(item, meeting);
		}
		record.list("backlog").forEach((topic) -> queue(topic, bodyId, "backlog"));
		cancelComingMeetings(record, meeting);
		if (record.flag("closed", true)) {
			add(record.has("closed") ? record.require("closed") : meetingNode, "meeting closed",
					new CloseMeeting(meetingId));
		}
		RecordNode adjusted = record.field("adjusted");
		if (adjusted != null) {
			adjusted.allow("on", "by");
			add(adjusted, "minutes adjusted", new AdjustMinutes(meetingId, adjusted.date("on"), adjusted.texts("by")));
			record.list("corrections").forEach((correction) -> correction(correction, meetingId));
		}
		else if (!record.list("corrections").isEmpty()) {
			throw record.require("corrections")
				.problem("corrections are made to adjusted minutes; until they are adjusted, change the record itself");
		}
		return new Plan("meeting", meetingId.value(), time.date(), List.copyOf(this.steps));
	}

	/** The meeting and the item an entry belongs to. */
	private record Context(MeetingId meetingId, BodyId bodyId, LocalDate date) {
	}

	private void body(RecordNode body, Context meeting, LocalDate asOf) {
		body.allow("id", "name", "kind", "parent", "mission", "established", "members");
		BodyId bodyId = body.convert(() -> BodyId.of(body.text("id")));
		String parent = body.optionalText("parent");
		LocalDate established = body.has("established") ? body.optionalDate("established")
				: (meeting != null && parent != null) ? meeting.date() : null;
		if (body.has("name") || body.has("kind")) {
			add(body, "body " + bodyId.value(),
					body.convert(() -> new EstablishBody(bodyId, body.text("name"),
							body.choice("kind", BodyKind.class, null), (parent != null) ? BodyId.of(parent) : null,
							body.optionalText("mission"), established)));
		}
		members(body, bodyId, asOf);
	}

	/**
	 * A body named only by its id and members records who sat in it as of the record's
	 * date.
	 */
	private void members(RecordNode body, BodyId bodyId, LocalDate asOf) {
		for (RecordNode member : body.list("members")) {
			member.allow("person", "name", "organisation", "title", "role", "from", "to", "endReason", "membership");
			Role role = member.choice("role", Role.class, Role.MEMBER);
			String person = member.text("person");
			MembershipId membershipId = member.convert(() -> MembershipId
				.of(Optional.ofNullable(member.optionalText("membership")).orElse(person + "." + role.name())));
			LocalDate from = Optional.ofNullable(member.optionalDate("from")).orElse(asOf);
			if (from == null) {
				throw member.problem("'from' is required when the record has no date of its own");
			}
			add(member, "member " + person,
					member
						.convert(() -> new AppointMember(bodyId, membershipId, PersonId.of(person), member.text("name"),
								member.optionalText("organisation"), member.optionalText("title"), role, from)));
			LocalDate to = member.optionalDate("to");
			if (to != null) {
				add(member.require("to"), "membership of " + person + " ended",
						new EndMembership(bodyId, membershipId, to, member.optionalText("endReason")));
			}
		}
	}

	private void matter(RecordNode matter, BodyId recordBody) {
		matter.allow("id", "title", "raisedIn", "reference", "description", "closed");
		String raisedIn = matter.optionalText("raisedIn");
		if (raisedIn == null && recordBody == null) {
			throw matter.problem("'raisedIn' is required here");
		}
		MatterId matterId = matter.convert(() -> MatterId.of(matter.text("id")));
		add(matter, "matter " + matterId.value(),
				matter.convert(() -> new RaiseMatter(matterId, (raisedIn != null) ? BodyId.of(raisedIn) : recordBody,
						matter.text("title"), matter.optionalText("reference"), matter.optionalText("description"))));
		String closed = matter.optionalText("closed");
		if (closed != null) {
			add(matter.require("closed"), "matter " + matterId.value() + " closed", new CloseMatter(matterId, closed));
		}
	}

	private MeetingTime meetingTime(RecordNode meeting) {
		String date = meeting.text("date");
		LocalTime start = null;
		LocalTime end = null;
		String span = meeting.optionalText("time");
		if (span != null) {
			String[] parts = span.split("\\s*[-–]\\s*");
			if (parts.length > 2) {
				throw meeting.require("time").problem("'time' is a start, or a span like 13:00-16:30");
			}
			start = meeting.time("time", parts[0].replace('.', ':'));
			end = (parts.length == 2) ? meeting.time("time", parts[1].replace('.', ':')) : null;
		}
		LocalTime from = start;
		LocalTime to = end;
		if (date.matches("\\d{4}")) {
			return meeting.convert(() -> new MeetingTime(LocalDate.of(Integer.parseInt(date), 1, 1), from, to,
					MeetingTime.DatePrecision.YEAR));
		}
		if (date.matches("\\d{4}-\\d{2}")) {
			return meeting.convert(
					() -> new MeetingTime(LocalDate.parse(date + "-01"), from, to, MeetingTime.DatePrecision.MONTH));
		}
		LocalDate day = meeting.date("date");
		return meeting.convert(() -> new MeetingTime(day, from, to));
	}

	/**
	 * A meeting whose date was set by an earlier record is already in the calendar: the
	 * minutes then say where and when it was actually held, and only what they state
	 * moves it. Nothing is sent when the calendar already agrees.
	 */
	private void schedule(RecordNode node, Context meeting, MeetingTime time, boolean held) {
		Optional<Meetings.Schedule> existing = this.meetings.scheduleOf(meeting.meetingId());
		String location = node.optionalText("location");
		boolean tentative = !held && node.flag("tentative", false);
		if (existing.isEmpty()) {
			add(node, "meeting " + meeting.meetingId().value() + " scheduled",
					node.convert(() -> new ScheduleMeeting(meeting.meetingId(), meeting.bodyId(), time, location,
							node.choice("mode", MeetingMode.class, MeetingMode.IN_PERSON), tentative,
							node.optionalText("title"))));
			return;
		}
		Meetings.Schedule schedule = existing.get();
		if (!held && !schedule.pending()) {
			return;
		}
		MeetingTime when = node.has("time") ? time
				: time.date().equals(schedule.time().date()) ? schedule.time() : time;
		boolean moved = !when.equals(schedule.time()) || tentative != schedule.tentative()
				|| (location != null && !location.equals(schedule.location()));
		if (moved) {
			add(node, "meeting " + meeting.meetingId().value() + " moved",
					node.convert(() -> new RescheduleMeeting(meeting.meetingId(), when, location, tentative,
							"as recorded in the minutes")));
		}
	}

	private void addItem(RecordNode item, int position, Context meeting, Set<String> itemIds) {
		item.allow("item", "title", "kind", "matter", "presenters", "guests", "documents", "description", "notes",
				"decisions", "assignments", "reportsBack", "referrals", "queued", "deferred", "elections", "adjuster");
		String itemId = item.text("item");
		if (!itemIds.add(itemId)) {
			throw item.problem("item '" + itemId + "' is on this agenda twice");
		}
		String matter = item.optionalText("matter");
		List<DocumentRef> documents = item.list("documents").stream().map((document) -> {
			document.allow("title", "uri");
			return document.convert(() -> new DocumentRef(document.text("title"), document.text("uri")));
		}).toList();
		add(item, "item " + itemId,
				item.convert(() -> new AddAgendaItem(meeting.meetingId(), AgendaItemId.of(itemId), position,
						item.text("title"), item.choice("kind", ItemKind.class, ItemKind.INFORMATION),
						(matter != null) ? MatterId.of(matter) : null, item.texts("presenters"), item.texts("guests"),
						documents, item.optionalText("description"))));
	}

	/**
	 * What only a meeting that was held has, refused with {@code code} and
	 * {@code message} naming the key.
	 */
	private void refuseSessionEntries(RecordNode record, ErrorCode code, String message) {
		for (String key : List.of("attendance", "agendaAdopted", "adjusted", "corrections", "backlog")) {
			if (record.has(key)) {
				throw record.require(key).problem(code, message.formatted(key));
			}
		}
		for (RecordNode item : record.list("agenda")) {
			for (String key : List.of("notes", "decisions", "assignments", "reportsBack", "referrals", "queued",
					"deferred", "elections", "adjuster")) {
				if (item.has(key)) {
					throw item.require(key).problem(code, message.formatted(key));
				}
			}
		}
	}

	private void attendance(RecordNode person, Context meeting) {
		person.allow("person", "name", "organisation", "status", "items");
		String id = person.text("person");
		add(person, "attendance of " + id,
				person.convert(() -> new RecordAttendance(meeting.meetingId(), PersonId.of(id), person.text("name"),
						person.optionalText("organisation"),
						person.choice("status", AttendanceStatus.class, AttendanceStatus.PRESENT),
						person.texts("items").stream().map(AgendaItemId::of).toList())));
	}

	private void itemEntries(RecordNode item, Context meeting) {
		AgendaItemId itemId = AgendaItemId.of(item.text("item"));
		String label = "item " + itemId.value();
		String matter = item.optionalText("matter");
		RecordNode adjuster = item.field("adjuster");
		if (adjuster != null) {
			adjuster.allow("person", "name");
			add(adjuster, label + ": minutes adjuster",
					adjuster.convert(() -> new AppointMinutesAdjuster(meeting.meetingId(),
							PersonId.of(adjuster.text("person")), adjuster.text("name"))));
		}
		String notes = item.optionalText("notes");
		if (notes != null) {
			add(item.require("notes"), label + ": notes",
					item.convert(() -> new RecordDiscussion(meeting.meetingId(), itemId, notes)));
		}
		List<RecordNode> decisions = item.list("decisions");
		for (int i = 0; i < decisions.size(); i++) {
			RecordNode decision = decisions.get(i);
			decision.allow("id", "kind", "text", "matter");
			String id = Optional.ofNullable(decision.optionalText("id"))
				.orElse(meeting.meetingId().value() + "." + itemId.value() + "." + (i + 1));
			String decisionMatter = decision.optionalText("matter");
			add(decision, label + ": decision " + id,
					decision.convert(() -> new TakeDecision(meeting.meetingId(), DecisionId.of(id), itemId,
							(decisionMatter != null) ? MatterId.of(decisionMatter) : null,
							decision.choice("kind", DecisionKind.class, null), decision.text("text"))));
		}
		for (RecordNode election : item.list("elections")) {
			election.allow("person", "name", "role", "body");
			String body = election.optionalText("body");
			add(election, label + ": election",
					election.convert(() -> new ElectOfficer((body != null) ? BodyId.of(body) : meeting.bodyId(),
							PersonId.of(election.text("person")), election.text("name"),
							election.choice("role", Role.class, null), meeting.date(), meeting.meetingId())));
		}
		List<RecordNode> assignments = item.list("assignments");
		for (int i = 0; i < assignments.size(); i++) {
			assignment(assignments.get(i), i + 1, itemId, meeting);
		}
		for (RecordNode report : item.list("reportsBack")) {
			report.allow("assignment", "summary", "completed");
			AssignmentId assignment = report.convert(() -> AssignmentId.of(report.text("assignment")));
			add(report, label + ": report back on " + assignment.value(), report.convert(
					() -> new ReportBackAssignment(assignment, meeting.meetingId(), itemId, report.text("summary"))));
			String completed = report.optionalText("completed");
			if (completed != null) {
				add(report.require("completed"), label + ": " + assignment.value() + " completed",
						new CompleteAssignment(assignment, completed));
			}
		}
		for (RecordNode referral : item.list("referrals")) {
			referral.allow("matter", "to", "purpose", "note");
			String referred = Optional.ofNullable(referral.optionalText("matter")).orElse(matter);
			if (referred == null) {
				throw referral.problem("a referral names its 'matter' when the item has none");
			}
			ReferralPurpose purpose = referral.choice("purpose", ReferralPurpose.class, null);
			List<String> targets = referral.texts("to");
			if (targets.isEmpty()) {
				throw referral.problem("'to' is required here");
			}
			for (String target : targets) {
				add(referral, label + ": " + referred + " referred to " + target,
						referral
							.convert(() -> new ReferMatter(MatterId.of(referred), meeting.bodyId(), BodyId.of(target),
									purpose, meeting.meetingId(), itemId, referral.optionalText("note"))));
			}
		}
		for (RecordNode topic : item.list("queued")) {
			queue(topic, meeting.bodyId(), label);
		}
		RecordNode deferred = item.field("deferred");
		if (deferred != null) {
			deferred.allow("toMeeting", "toBacklogOf", "reason");
			String toMeeting = deferred.optionalText("toMeeting");
			String toBacklog = deferred.optionalText("toBacklogOf");
			add(deferred, label + ": deferred",
					deferred.convert(() -> new DeferItem(meeting.meetingId(), itemId,
							(toMeeting != null) ? MeetingId.of(toMeeting) : null, (toMeeting == null)
									? BodyId.of((toBacklog != null) ? toBacklog : meeting.bodyId().value()) : null,
							deferred.optionalText("reason"))));
		}
	}

	private void assignment(RecordNode assignment, int number, AgendaItemId itemId, Context meeting) {
		assignment.allow("id", "to", "description", "kind", "due", "matter", "completed");
		String id = Optional.ofNullable(assignment.optionalText("id"))
			.orElse(meeting.meetingId().value() + "." + itemId.value() + ".a" + number);
		List<Assignee> assignees = assignment.list("to").stream().map((holder) -> {
			holder.allow("person", "body", "name");
			String person = holder.optionalText("person");
			String body = holder.optionalText("body");
			if ((person == null) == (body == null)) {
				throw holder.problem("an assignee is a 'person' or a 'body'");
			}
			return holder.convert(() -> (person != null) ? Assignee.person(person, holder.optionalText("name"))
					: Assignee.body(body, holder.optionalText("name")));
		}).toList();
		if (assignees.isEmpty()) {
			throw assignment.problem("'to' is required here: who holds the assignment");
		}
		Due due = due(assignment.field("due"), meeting);
		String matter = assignment.optionalText("matter");
		AssignmentId assignmentId = assignment.convert(() -> AssignmentId.of(id));
		add(assignment, "item " + itemId.value() + ": assignment " + id,
				assignment.convert(() -> new HandOutAssignment(assignmentId, meeting.meetingId(), itemId,
						(matter != null) ? MatterId.of(matter) : null, assignees, assignment.text("description"), due,
						assignment.choice("kind", AssignmentKind.class, AssignmentKind.TASK))));
		String completed = assignment.optionalText("completed");
		if (completed != null) {
			add(assignment.require("completed"), "assignment " + id + " completed",
					new CompleteAssignment(assignmentId, completed));
		}
	}

	/**
	 * Minutes often give no due date ("comes back with a proposal"): such an assignment
	 * is due at a coming meeting of the body that handed it out.
	 */
	private Due due(RecordNode due, Context meeting) {
		if (due == null) {
			return Due.atNextMeetingOf(meeting.bodyId());
		}
		due.allow("date", "meeting", "meetingOf");
		LocalDate date = due.optionalDate("date");
		String atMeeting = due.optionalText("meeting");
		String meetingOf = due.optionalText("meetingOf");
		return due.convert(() -> new Due(date, (meetingOf != null) ? BodyId.of(meetingOf) : null,
				(atMeeting != null) ? MeetingId.of(atMeeting) : null));
	}

	private void queue(RecordNode topic, BodyId body, String label) {
		topic.allow("matter", "body", "priority", "note");
		String matter = topic.text("matter");
		String onBody = topic.optionalText("body");
		add(topic, label + ": " + matter + " queued",
				topic.convert(() -> new QueueMatter(MatterId.of(matter), (onBody != null) ? BodyId.of(onBody) : body,
						topic.optionalNumber("priority"), topic.optionalText("note"))));
	}

	/**
	 * Dates set for coming meetings go into the calendar before the agenda, so that items
	 * can be deferred to them and assignments made due at them.
	 */
	private void scheduleComingMeetings(RecordNode record, Context meeting) {
		for (RecordNode coming : record.list("comingMeetings")) {
			coming.allow("id", "body", "title", "date", "time", "location", "mode", "tentative", "cancelled");
			MeetingId id = coming.convert(() -> MeetingId.of(coming.text("id")));
			if (id.equals(meeting.meetingId())) {
				continue;
			}
			String body = coming.optionalText("body");
			BodyId bodyId = coming.convert(() -> (body != null) ? BodyId.of(body) : meeting.bodyId());
			MeetingTime time = meetingTime(coming);
			schedule(coming, new Context(id, bodyId, time.date()), time, false);
		}
	}

	/** A cancellation noted in the record ("the meeting of 24 April is cancelled"). */
	private void cancelComingMeetings(RecordNode record, Context meeting) {
		for (RecordNode coming : record.list("comingMeetings")) {
			String cancelled = coming.optionalText("cancelled");
			MeetingId id = MeetingId.of(coming.text("id"));
			if (cancelled != null && !id.equals(meeting.meetingId())) {
				add(coming.require("cancelled"), "meeting " + id.value() + " cancelled",
						new CancelMeeting(id, cancelled));
			}
		}
	}

	private void correction(RecordNode correction, MeetingId meetingId) {
		correction.allow("id", "item", "decision", "what", "correction", "reason");
		String item = correction.optionalText("item");
		String decision = correction.optionalText("decision");
		add(correction, "correction",
				correction.convert(() -> new CorrectMinutes(meetingId, CorrectionId.of(correction.text("id")),
						(item != null) ? AgendaItemId.of(item) : null,
						(decision != null) ? DecisionId.of(decision) : null, correction.text("what"),
						correction.text("correction"), correction.text("reason"))));
	}

	private void add(RecordNode source, String label, Object command) {
		this.steps.add(new Step(source, label, command, this.businessDate));
	}

}
