package org.matterflow.command.meeting;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.matter.MatterId;
import org.matterflow.kernel.meeting.AgendaItemAdded;
import org.matterflow.kernel.meeting.AgendaItemId;
import org.matterflow.kernel.meeting.ItemKind;
import org.matterflow.kernel.meeting.MeetingId;
import org.matterflow.kernel.meeting.MeetingMode;
import org.matterflow.kernel.meeting.MeetingScheduled;
import org.matterflow.kernel.meeting.MeetingTime;

/** Meetings as the seeds record them: the management group on 22 January 2025. */
final class MeetingFixtures {

	static final MeetingId MEETING = MeetingId.of("chefsgrupp-2025-01-22");

	static final BodyId BODY = BodyId.of("chefsgrupp-folkhalsa");

	static final MatterId STRATEGY = MatterId.of("foraldraskapsstodsstrategin");

	static final AgendaItemId ITEM_4 = AgendaItemId.of("4");

	static final MeetingTime JANUARY_22 = new MeetingTime(LocalDate.of(2025, 1, 22), LocalTime.of(13, 0),
			LocalTime.of(16, 30));

	private MeetingFixtures() {
	}

	static MeetingScheduled meetingScheduled() {
		return new MeetingScheduled(MEETING, BODY, JANUARY_22, "Länsstyrelsen", MeetingMode.IN_PERSON, false, null);
	}

	static AgendaItemAdded itemAdded(AgendaItemId item, int position, MatterId matter) {
		return new AgendaItemAdded(MEETING, item, position, "Föräldraskapsstödsstrategin", ItemKind.DISCUSSION, matter,
				List.of("Deepa Singhru"), List.of(), List.of(), null);
	}

	static AgendaItemAdded strategyItem() {
		return itemAdded(ITEM_4, 1, STRATEGY);
	}

	static MeetingId anyOtherMeetingId() {
		return MeetingId.of("chefsgrupp-2025-05-22");
	}

}
