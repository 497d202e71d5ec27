package org.matterflow.deploy.benchmark;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.matterflow.kernel.PersonId;
import org.matterflow.kernel.assignment.Assignee;
import org.matterflow.kernel.assignment.AssignmentCompleted;
import org.matterflow.kernel.assignment.AssignmentHandedOut;
import org.matterflow.kernel.assignment.AssignmentId;
import org.matterflow.kernel.assignment.AssignmentKind;
import org.matterflow.kernel.assignment.AssignmentReportedBack;
import org.matterflow.kernel.assignment.Due;
import org.matterflow.kernel.body.BodyEstablished;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.body.BodyKind;
import org.matterflow.kernel.body.MemberAppointed;
import org.matterflow.kernel.body.MembershipId;
import org.matterflow.kernel.body.Role;
import org.matterflow.kernel.matter.MatterId;
import org.matterflow.kernel.matter.MatterRaised;
import org.matterflow.kernel.matter.MatterReferred;
import org.matterflow.kernel.matter.ReferralPurpose;
import org.matterflow.kernel.meeting.AgendaItemAdded;
import org.matterflow.kernel.meeting.AgendaItemId;
import org.matterflow.kernel.meeting.AttendanceRecorded;
import org.matterflow.kernel.meeting.AttendanceStatus;
import org.matterflow.kernel.meeting.DecisionId;
import org.matterflow.kernel.meeting.DecisionKind;
import org.matterflow.kernel.meeting.DecisionTaken;
import org.matterflow.kernel.meeting.ItemDiscussed;
import org.matterflow.kernel.meeting.ItemKind;
import org.matterflow.kernel.meeting.MeetingClosed;
import org.matterflow.kernel.meeting.MeetingId;
import org.matterflow.kernel.meeting.MeetingMode;
import org.matterflow.kernel.meeting.MeetingOpened;
import org.matterflow.kernel.meeting.MeetingRescheduled;
import org.matterflow.kernel.meeting.MeetingScheduled;
import org.matterflow.kernel.meeting.MeetingTime;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings the event store to a given size quickly, with the events the secretaries'
 * workload records (the same kinds, shapes and proportions), appended through the command
 * side's own event store engine and serializer in large transactions. Going through the
 * command API would take hours for a million events; the rules are exercised by the
 * measured workload, not by the filling.
 */
final class StoreFiller {

	private final EventStore events;

	private final TransactionTemplate transactions;

	private final String run;

	private final BodyId countyPartGroup;

	private int body;

	StoreFiller(EventStore events, TransactionTemplate transactions, String run, String countyPartGroup) {
		this.events = events;
		this.transactions = transactions;
		this.run = run;
		this.countyPartGroup = BodyId.of(countyPartGroup);
	}

	/** Appends about {@code count} events; answers how many were appended. */
	long append(long count) {
		long appended = 0;
		while (appended < count) {
			List<GenericDomainEventMessage<?>> year = yearOfABody(this.body++);
			for (int from = 0; from < year.size(); from += 2000) {
				List<GenericDomainEventMessage<?>> batch = year.subList(from, Math.min(year.size(), from + 2000));
				this.transactions.executeWithoutResult((tx) -> this.events.publish(batch));
			}
			appended += year.size();
		}
		return appended;
	}

	/**
	 * A working group's year: 20 meetings, each as the secretaries record one. The year
	 * is 2031, ahead of the clock, so that the agenda the readers ask for shows a next
	 * meeting with its items, the agenda's whole shape. The commands would refuse to open
	 * a meeting before its day; the filling bypasses them (see above), and the read
	 * models take such a record as they take any other.
	 */
	private List<GenericDomainEventMessage<?>> yearOfABody(int number) {
		Stream stream = new Stream();
		BodyId body = BodyId.of("fill-" + this.run + "-" + number);
		PersonId chair = PersonId.of("fp-" + this.run + "-" + number);
		LocalDate start = LocalDate.of(2031, 1, 1);
		stream.add("BodyAggregate", body.toString(), start,
				new BodyEstablished(body, "Arbetsgrupp " + number, BodyKind.WORKING_GROUP, null, null, start));
		stream.add("BodyAggregate", body.toString(), start, new MemberAppointed(body, MembershipId.of("ms-" + number),
				chair, "Deepa Singhru", "Region Örebro län", null, Role.CHAIR, start));
		AssignmentId previous = null;
		for (int m = 0; m < 20; m++) {
			LocalDate date = start.plusDays(14L * m);
			MatterId matter = MatterId.of(body.value() + "-m" + m);
			MeetingId meeting = MeetingId.of(body.value() + "-" + m);
			AssignmentId assignment = AssignmentId.of(body.value() + "-a" + m);
			String matterStream = matter.toString();
			String meetingStream = meeting.toString();
			AgendaItemId one = AgendaItemId.of("1");
			AgendaItemId two = AgendaItemId.of("2");
			AgendaItemId three = AgendaItemId.of("3");
			stream.add("MatterAggregate", matterStream, date,
					new MatterRaised(matter, body, "Samverkansplan " + m, "RS 2031/" + m, null));
			MeetingTime time = new MeetingTime(date, LocalTime.of(13, 0), LocalTime.of(16, 30));
			stream.add("MeetingAggregate", meetingStream, date,
					new MeetingScheduled(meeting, body, time, "Länsstyrelsen", MeetingMode.IN_PERSON, false, null));
			if (m % 3 == 0) {
				stream.add("MeetingAggregate", meetingStream, date,
						new MeetingRescheduled(meeting, time,
								new MeetingTime(date, LocalTime.of(9, 0), LocalTime.of(12, 0)), "Länsstyrelsen", false,
								"krockar med länsdelsmöte"));
			}
			stream.add("MeetingAggregate", meetingStream, date, new AgendaItemAdded(meeting, one, 1, "Samverkansplan",
					ItemKind.DECISION, matter, List.of("Deepa Singhru"), List.of(), List.of(), null));
			stream.add("MeetingAggregate", meetingStream, date, new AgendaItemAdded(meeting, two, 2, "Återrapport",
					ItemKind.REPORT, null, List.of(), List.of(), List.of(), null));
			stream.add("MeetingAggregate", meetingStream, date, new AgendaItemAdded(meeting, three, 3,
					"Aktuellt från länsdelarna", ItemKind.INFORMATION, null, List.of(), List.of(), List.of(), null));
			stream.add("MeetingAggregate", meetingStream, date, new MeetingOpened(meeting));
			stream.add("MeetingAggregate", meetingStream, date, new AttendanceRecorded(meeting, chair, "Deepa Singhru",
					"Region Örebro län", AttendanceStatus.PRESENT, List.of()));
			stream.add("MeetingAggregate", meetingStream, date, new AttendanceRecorded(meeting,
					PersonId.of("maria-" + number), "Maria Lindborg", null, AttendanceStatus.DIGITAL, List.of()));
			stream.add("MeetingAggregate", meetingStream, date,
					new ItemDiscussed(meeting, three, null, "Söder har koll via processledare; norr återkommer."));
			stream.add("MeetingAggregate", meetingStream, date,
					new DecisionTaken(meeting, DecisionId.of("d-1"), one, matter, DecisionKind.HAND_OUT_ASSIGNMENT,
							"Deepa får i uppdrag att återkomma med ett förslag på arbetsgrupp"));
			stream.add("AssignmentAggregate", assignment.toString(), date,
					new AssignmentHandedOut(assignment, body, meeting, one, matter,
							List.of(Assignee.person(chair.value(), "Deepa Singhru")), "återkomma med förslag",
							Due.on(date.plusDays(60)), AssignmentKind.TASK));
			if (previous != null) {
				stream.add("AssignmentAggregate", previous.toString(), date,
						new AssignmentReportedBack(previous, meeting, two, "förslag på arbetsgrupp presenterades"));
				stream.add("AssignmentAggregate", previous.toString(), date, new AssignmentCompleted(previous, null));
			}
			stream.add("MatterAggregate", matterStream, date, new MatterReferred(matter, body, this.countyPartGroup,
					ReferralPurpose.FOR_INFORMATION, meeting, one, null));
			stream.add("MeetingAggregate", meetingStream, date, new MeetingClosed(meeting));
			previous = assignment;
		}
		return stream.messages;
	}

	/** Numbers each aggregate's events as the command side would. */
	private static final class Stream {

		final List<GenericDomainEventMessage<?>> messages = new ArrayList<>();

		final java.util.Map<String, Long> sequences = new java.util.HashMap<>();

		void add(String type, String aggregate, LocalDate businessDate, Object payload) {
			long sequence = this.sequences.merge(aggregate, 0L, (old, ignored) -> old + 1);
			String correlation = UUID.randomUUID().toString();
			this.messages.add(new GenericDomainEventMessage<>(type, aggregate, sequence, payload,
					MetaData.with("recordedBy", "secretary")
						.and("businessDate", businessDate.toString())
						.and("correlationId", correlation)
						.and("causationId", correlation)));
		}

	}

}
