package org.matterflow.query.testing;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.matterflow.kernel.PersonId;
import org.matterflow.kernel.assignment.Assignee;
import org.matterflow.kernel.assignment.AssignmentCompleted;
import org.matterflow.kernel.assignment.AssignmentHandedOut;
import org.matterflow.kernel.assignment.AssignmentId;
import org.matterflow.kernel.assignment.AssignmentKind;
import org.matterflow.kernel.assignment.AssignmentReportedBack;
import org.matterflow.kernel.assignment.Due;
import org.matterflow.kernel.body.*;
import org.matterflow.kernel.matter.MatterId;
import org.matterflow.kernel.matter.MatterQueued;
import org.matterflow.kernel.matter.MatterRaised;
import org.matterflow.kernel.matter.MatterReferred;
import org.matterflow.kernel.matter.ReferralPurpose;
import org.matterflow.kernel.meeting.*;

/**
 * The parenting-support strategy as the seed minutes tell it, recorded with ids unique to
 * one run: raised in the management group on 22 January 2025, discussed and deferred,
 * referred to the joint management group and to county-part group south, decided with an
 * assignment on 22 May, reported back and completed, and corrected after the minutes were
 * adjusted.
 */
public final class Story {

	public final String run;

	public final BodyId management;

	public final BodyId joint;

	public final BodyId south;

	public final MatterId strategy;

	public final MatterId plan;

	public final MeetingId january;

	public final MeetingId march;

	public final MeetingId may;

	public final MeetingId southAugust;

	public final AssignmentId proposal;

	public final AssignmentId budget;

	public Story(String run) {
		this.run = run;
		this.management = BodyId.of("chefsgrupp-" + run);
		this.joint = BodyId.of("gemensam-" + run);
		this.south = BodyId.of("soder-" + run);
		this.strategy = MatterId.of("f-stod-" + run);
		this.plan = MatterId.of("samverkansplan-" + run);
		this.january = MeetingId.of("cg-2025-01-22-" + run);
		this.march = MeetingId.of("gem-2025-03-12-" + run);
		this.may = MeetingId.of("cg-2025-05-22-" + run);
		this.southAugust = MeetingId.of("soder-2025-08-27-" + run);
		this.proposal = AssignmentId.of("a-deepa-" + run);
		this.budget = AssignmentId.of("a-budget-" + run);
	}

	/** Records the whole story; answers the position of its last event. */
	public long record(EventFeeder feeder) {
		LocalDate jan22 = LocalDate.of(2025, 1, 22);
		LocalDate may22 = LocalDate.of(2025, 5, 22);
		AgendaItemId item4 = AgendaItemId.of("4");
		AgendaItemId item5 = AgendaItemId.of("5");
		feeder.record(LocalDate.of(2024, 12, 1),
				new BodyEstablished(this.management, "Chefsgrupp folkhälsa", BodyKind.MANAGEMENT_GROUP, null, null,
						null),
				new BodyEstablished(this.joint, "Gemensam chefsgrupp", BodyKind.JOINT_MANAGEMENT_GROUP, null, null,
						null),
				new BodyEstablished(this.south, "Länsdelsgrupp söder", BodyKind.COUNTY_PART_GROUP, null, null, null),
				new MemberAppointed(this.management, MembershipId.of("m-ingmar"), PersonId.of("ingmar"),
						"Ingmar Ångman", "Region Örebro län", "områdeschef", Role.CHAIR, LocalDate.of(2024, 1, 1)),
				new MemberAppointed(this.management, MembershipId.of("m-maria"), PersonId.of("maria"), "Maria Lindborg",
						"Region Örebro län", null, Role.SECRETARY, LocalDate.of(2024, 1, 1)),
				new MatterRaised(this.strategy, this.management, "Föräldraskapsstödsstrategin", "RS 2023/123", null),
				new MatterRaised(this.plan, this.management, "Samverkansplan", null, null),
				new MeetingScheduled(this.january, this.management,
						new MeetingTime(jan22, LocalTime.of(13, 0), LocalTime.of(16, 30)), "Länsstyrelsen",
						MeetingMode.IN_PERSON, false, null),
				new MeetingScheduled(this.march, this.joint, new MeetingTime(LocalDate.of(2025, 3, 12), null, null),
						null, MeetingMode.IN_PERSON, false, null),
				new MeetingScheduled(this.may, this.management,
						new MeetingTime(may22, LocalTime.of(9, 0), LocalTime.of(12, 0)), null, MeetingMode.HYBRID,
						false, null),
				new MeetingScheduled(this.southAugust, this.south,
						new MeetingTime(LocalDate.of(2025, 8, 27), null, null), null, MeetingMode.IN_PERSON, false,
						null));
		feeder.record("maria", jan22,
				new AgendaItemAdded(this.january, item4, 1, "Föräldraskapsstödsstrategin", ItemKind.DISCUSSION,
						this.strategy, List.of("Deepa Singhru"), List.of("Deepa Singhru"), List.of(), null),
				new AgendaItemAdded(this.january, item5, 2, "Samverkansplan", ItemKind.DECISION, this.plan, List.of(),
						List.of(), List.of(), null),
				new MeetingOpened(this.january),
				new ItemDiscussed(this.january, item4, this.strategy, "Söder: har koll via processledare."),
				new DecisionTaken(this.january, DecisionId.of("d-4"), item4, this.strategy,
						DecisionKind.HAND_OUT_ASSIGNMENT, "Deepa får fortsatt uppdrag att återkomma med ett förslag"),
				new ItemDeferred(this.january, item5, this.plan, this.may, null, "flyttas till kommande möte"),
				new MeetingClosed(this.january));
		feeder.record("maria", jan22,
				new AssignmentHandedOut(this.proposal, this.management, this.january, item4, this.strategy,
						List.of(Assignee.person("deepa", "Deepa Singhru")), "återkomma med förslag på arbetsgrupp",
						new Due(LocalDate.of(2025, 5, 21), this.management, this.may), AssignmentKind.TASK),
				new MatterReferred(this.strategy, this.management, this.joint, ReferralPurpose.FOR_ANCHORING,
						this.january, item4, "lyfta på kommande gemensamma chefsgrupp"));
		feeder.record(
				"maria", may22, new AgendaItemAdded(this.may, AgendaItemId.of("4"), 1, "Föräldraskapsstödsstrategin",
						ItemKind.DECISION, this.strategy, List.of(), List.of(), List.of(), null),
				new MeetingOpened(this.may),
				new DecisionTaken(this.may, DecisionId.of("d-4"), AgendaItemId.of("4"), this.strategy,
						DecisionKind.ADOPT_PROPOSAL, "Arbetsgruppens uppdrag beslutades"),
				new AssignmentHandedOut(this.budget, this.management, this.may, AgendaItemId.of("4"), this.strategy,
						List.of(Assignee.body(this.south.value(), "Länsdelsgrupp söder")), "återkomma med budget",
						Due.on(LocalDate.of(2099, 12, 31)), AssignmentKind.TASK),
				new MatterReferred(this.strategy, this.management, this.south, ReferralPurpose.FOR_INFORMATION,
						this.may, null, "enheten besöker länsdelsgrupp söder"),
				new MatterQueued(this.plan, this.south, 1, "prioriteras före övriga teman"));
		feeder.record("maria", may22,
				new AssignmentReportedBack(this.proposal, this.may, AgendaItemId.of("4"),
						"förslag på arbetsgrupp presenterades"),
				new AssignmentCompleted(this.proposal, null), new MeetingClosed(this.may));
		feeder.record("maria", LocalDate.of(2025, 5, 30),
				new MinutesAdjusted(this.may, LocalDate.of(2025, 5, 30), List.of("Ingmar Ångman")));
		return feeder.record("auditor-fix", LocalDate.of(2025, 6, 2),
				new MinutesCorrected(this.may, CorrectionId.of("c-1"), AgendaItemId.of("4"), DecisionId.of("d-4"),
						"beslut d-4", "Arbetsgruppens uppdrag beslutades med tillägg om länsdelarna",
						"tillägg saknades"));
	}

}
