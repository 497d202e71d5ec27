package org.matterflow.command.meeting;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.matterflow.command.infrastructure.EventStoreConfiguration;
import org.matterflow.kernel.PersonId;
import org.matterflow.kernel.meeting.*;

import static org.assertj.core.api.Assertions.assertThat;
import static org.matterflow.command.meeting.MeetingFixtures.*;

/** A snapshot of a meeting holds its whole state: Jackson sees the fields, not `{}`. */
class MeetingSnapshotTest {

	private final Serializer serializer = EventStoreConfiguration.jackson();

	@Test
	void a_meeting_survives_a_json_snapshot_round_trip() {
		MeetingAggregate meeting = new MeetingAggregate();
		meeting.on(meetingScheduled());
		meeting.on(strategyItem());
		meeting.on(itemAdded(AgendaItemId.of("5"), 2, null));
		meeting.on(new AgendaItemWithdrawn(MEETING, AgendaItemId.of("5"), "dubblett"));
		meeting.on(new AgendaItemRenamed(MEETING, ITEM_4, STRATEGY, "Strategi för föräldraskapsstöd", null));
		meeting.on(new MeetingOpened(MEETING));
		meeting.on(new AttendanceRecorded(MEETING, PersonId.of("deepa"), "Deepa Singhru", null, AttendanceStatus.GUEST,
				List.of(ITEM_4)));
		meeting.on(new DecisionTaken(MEETING, DecisionId.of("d-4"), ITEM_4, STRATEGY, DecisionKind.HAND_OUT_ASSIGNMENT,
				"Deepa får fortsatt uppdrag"));
		meeting.on(new AttendanceRecorded(MEETING, PersonId.of("bo"), "Bo Berg", null, AttendanceStatus.PRESENT,
				List.of()));
		meeting.on(new AttendanceRemoved(MEETING, PersonId.of("bo"), "fel person"));
		meeting.on(new DecisionRevised(MEETING, DecisionId.of("d-4"), "Deepa och Linn får fortsatt uppdrag", null));
		meeting.on(new ItemDiscussed(MEETING, ITEM_4, STRATEGY, "diskuterades per länsdel"));
		meeting.on(new DiscussionRevised(MEETING, ITEM_4, STRATEGY, "diskuterades per länsdel och i SAMPOS", null));
		meeting
			.on(new DocumentAttached(MEETING, ITEM_4, new org.matterflow.kernel.DocumentRef("Ppt", "projify:f-stod")));
		meeting.on(new DocumentAttached(MEETING, ITEM_4,
				new org.matterflow.kernel.DocumentRef("Fel", "https://documents.example/fel.pdf")));
		meeting.on(new DocumentRemoved(MEETING, ITEM_4, "https://documents.example/fel.pdf", null));
		meeting.on(new DecisionTaken(MEETING, DecisionId.of("d-5"), ITEM_4, STRATEGY, DecisionKind.PLACE_ON_FILE,
				"dubblett"));
		meeting.on(new DecisionWithdrawn(MEETING, DecisionId.of("d-5"), ITEM_4, STRATEGY, null));
		meeting.on(new ItemDeferred(MEETING, ITEM_4, STRATEGY, anyOtherMeetingId(), null, "fel möte"));
		meeting.on(new DeferralWithdrawn(MEETING, ITEM_4, STRATEGY, null));
		meeting.on(new MeetingClosed(MEETING));
		meeting.on(new MinutesAdjusted(MEETING, LocalDate.of(2025, 1, 30), List.of("Anna Andersson")));

		SerializedObject<String> snapshot = this.serializer.serialize(meeting, String.class);
		MeetingAggregate restored = this.serializer.deserialize(snapshot);

		assertThat(snapshot.getData()).contains("Föräldraskapsstödsstrategin", "\"stage\":\"ADJUSTED\"", "d-4",
				"diskuterades per länsdel", "projify:f-stod", "Deepa och Linn får fortsatt uppdrag",
				"Strategi för föräldraskapsstöd", "och i SAMPOS", "fel möte");
		assertThat(snapshot.getType().getRevision()).isEqualTo("9");
		assertThat(restored).usingRecursiveComparison().isEqualTo(meeting);
	}

}
