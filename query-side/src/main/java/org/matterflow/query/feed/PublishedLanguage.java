package org.matterflow.query.feed;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.matterflow.kernel.InvalidValue;
import org.matterflow.kernel.assignment.*;
import org.matterflow.kernel.body.*;
import org.matterflow.kernel.matter.*;
import org.matterflow.kernel.meeting.*;

/**
 * The names and versions under which integrations see matterflow's events. They are
 * chosen here, not derived from class names, so that renaming or moving an internal event
 * never renames a published one; the shape of each version is pinned by a test against
 * {@code src/test/resources/published-events/}.
 */
public final class PublishedLanguage {

	/** Where the published language is documented, and each type's schema. */
	public static final String SCHEMA_BASE = "https://matterflow.example/events/";

	/** A published event type and the version of its data. */
	public record PublishedType(String type, int version) {

		public String dataSchema() {
			return SCHEMA_BASE + this.type.substring("org.matterflow.".length()) + "/v" + this.version + ".json";
		}

	}

	private static final Map<Class<?>, PublishedType> TYPES = new LinkedHashMap<>();

	/** The types' names, which filters and subscriptions name them by. */
	private static final Set<String> NAMES = new HashSet<>();

	static {
		publish(BodyEstablished.class, "body.established");
		publish(BodyRenamed.class, "body.renamed");
		publish(BodyDissolved.class, "body.dissolved");
		publish(MemberAppointed.class, "body.member-appointed");
		publish(MembershipEnded.class, "body.membership-ended");
		publish(OfficerElected.class, "body.officer-elected");
		publish(MeetingScheduled.class, "meeting.scheduled");
		publish(MeetingRescheduled.class, "meeting.rescheduled");
		publish(MeetingCancelled.class, "meeting.cancelled");
		publish(AgendaItemAdded.class, "meeting.agenda-item-added");
		publish(AgendaItemRenamed.class, "meeting.agenda-item-renamed");
		publish(AgendaItemWithdrawn.class, "meeting.agenda-item-withdrawn");
		publish(AgendaReordered.class, "meeting.agenda-reordered");
		publish(AgendaAdopted.class, "meeting.agenda-adopted");
		publish(MeetingOpened.class, "meeting.opened");
		publish(AttendanceRecorded.class, "meeting.attendance-recorded");
		publish(MinutesAdjusterAppointed.class, "meeting.minutes-adjuster-appointed");
		publish(ItemDiscussed.class, "meeting.item-discussed");
		publish(DiscussionRevised.class, "meeting.discussion-revised");
		publish(DocumentAttached.class, "meeting.document-attached");
		publish(DocumentRemoved.class, "meeting.document-removed");
		publish(DecisionTaken.class, "meeting.decision-taken");
		publish(ItemDeferred.class, "meeting.item-deferred");
		publish(DeferralWithdrawn.class, "meeting.deferral-withdrawn");
		publish(MeetingClosed.class, "meeting.closed");
		publish(MinutesAdjusted.class, "meeting.minutes-adjusted");
		publish(MinutesCorrected.class, "meeting.minutes-corrected");
		publish(DecisionRevised.class, "meeting.decision-revised");
		publish(DecisionWithdrawn.class, "meeting.decision-withdrawn");
		publish(AttendanceRemoved.class, "meeting.attendance-removed");
		publish(MatterRaised.class, "matter.raised");
		publish(MatterRenamed.class, "matter.renamed");
		publish(MatterDescribed.class, "matter.described");
		publish(MatterRegistered.class, "matter.registered");
		publish(MatterReferred.class, "matter.referred");
		publish(ReferralWithdrawn.class, "matter.referral-withdrawn");
		publish(MatterQueued.class, "matter.queued");
		publish(MatterRemovedFromBacklog.class, "matter.removed-from-backlog");
		publish(MatterClosed.class, "matter.closed");
		publish(MatterReopened.class, "matter.reopened");
		publish(AssignmentHandedOut.class, "assignment.handed-out");
		publish(AssignmentRevised.class, "assignment.revised");
		publish(AssignmentDueDateChanged.class, "assignment.due-date-changed");
		publish(AssignmentReassigned.class, "assignment.reassigned");
		publish(AssignmentReportedBack.class, "assignment.reported-back");
		publish(AssignmentCompleted.class, "assignment.completed");
		publish(AssignmentWithdrawn.class, "assignment.withdrawn");
		publish(AssignmentBecameOverdue.class, "assignment.became-overdue");
	}

	private PublishedLanguage() {
	}

	private static void publish(Class<?> event, String name) {
		TYPES.put(event, new PublishedType("org.matterflow." + name, 1));
		NAMES.add("org.matterflow." + name);
	}

	public static Optional<PublishedType> of(Class<?> event) {
		return Optional.ofNullable(TYPES.get(event));
	}

	/** Every published event, in the order of the documentation. */
	public static Map<Class<?>, PublishedType> all() {
		return java.util.Collections.unmodifiableMap(TYPES);
	}

	/**
	 * Refuses a type that is not published, so that a misspelt filter or subscription is
	 * told so at once rather than matching nothing for as long as it is read.
	 * @param parameter what the types were sent as, named in the refusal
	 */
	public static void requirePublished(String parameter, List<String> types) {
		if (types == null) {
			return;
		}
		for (String type : types) {
			if (!NAMES.contains(type)) {
				throw new InvalidValue(parameter,
						"'" + type + "' is not a published event type; see docs/integration.md");
			}
		}
	}

}
