package org.matterflow.command.meeting;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import org.matterflow.command.common.RuleViolation;
import org.matterflow.kernel.DocumentRef;
import org.matterflow.kernel.ErrorCode;
import org.matterflow.kernel.matter.MatterId;
import org.matterflow.kernel.meeting.AgendaItemAdded;
import org.matterflow.kernel.meeting.AgendaItemId;

/**
 * The items of one meeting's agenda, in order, with what the meeting did to them. Holds
 * only what the rules need; the full items live in the events.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
		isGetterVisibility = Visibility.NONE)
class Agenda {

	@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
			isGetterVisibility = Visibility.NONE)
	static class Item {

		AgendaItemAdded origin;

		/** The title it was given after it was added, if it was. */
		String renamedTo;

		boolean withdrawn;

		boolean deferred;

		int decisions;

		/** What was written down about the item, so that the same entry is kept once. */
		List<String> discussions = new ArrayList<>();

		/**
		 * What the discussion reads, once revised: the revision and the entries written
		 * down after it. Until then it is the entries, joined as the minutes show them.
		 */
		String revisedDiscussion;

		List<DocumentRef> attachments = new ArrayList<>();

		/** The addresses of the documents taken off the item. */
		List<String> removedDocuments = new ArrayList<>();

		Item() {
		}

		Item(AgendaItemAdded origin) {
			this.origin = origin;
		}

		MatterId matterId() {
			return this.origin.matterId();
		}

		/** The discussion as the minutes show it: its entries, a blank line between. */
		String discussion() {
			return (this.revisedDiscussion != null) ? this.revisedDiscussion : String.join("\n\n", this.discussions);
		}

		void discussed(String summary) {
			this.discussions.add(summary);
			if (this.revisedDiscussion != null) {
				this.revisedDiscussion = this.revisedDiscussion + "\n\n" + summary;
			}
		}

		/** Whether a document at this address is on the item now. */
		boolean holdsDocument(String uri) {
			return !this.removedDocuments.contains(uri)
					&& (this.origin.documents().stream().anyMatch((document) -> document.uri().equals(uri))
							|| this.attachments.stream().anyMatch((document) -> document.uri().equals(uri)));
		}

		String title() {
			return (this.renamedTo != null) ? this.renamedTo : this.origin.title();
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Item item && Objects.equals(this.origin, item.origin)
					&& Objects.equals(this.renamedTo, item.renamedTo) && this.withdrawn == item.withdrawn
					&& this.deferred == item.deferred && this.decisions == item.decisions
					&& this.discussions.equals(item.discussions)
					&& Objects.equals(this.revisedDiscussion, item.revisedDiscussion)
					&& this.attachments.equals(item.attachments) && this.removedDocuments.equals(item.removedDocuments);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.origin, this.renamedTo, this.withdrawn, this.deferred, this.decisions,
					this.discussions, this.revisedDiscussion, this.attachments, this.removedDocuments);
		}

	}

	private List<Item> items = new ArrayList<>();

	Item find(AgendaItemId itemId) {
		return this.items.stream().filter((item) -> item.origin.itemId().equals(itemId)).findFirst().orElse(null);
	}

	/** The item, if it is on the agenda and not withdrawn. */
	Item require(AgendaItemId itemId) {
		Item item = find(itemId);
		RuleViolation.check(item != null && !item.withdrawn, ErrorCode.ITEM_NOT_ON_AGENDA,
				"item '" + itemId.value() + "' is not on the agenda of this meeting");
		return item;
	}

	void requireAll(List<AgendaItemId> itemIds) {
		itemIds.forEach(this::require);
	}

	/** Where a new item goes: at the requested place (1 is first), or last. */
	int positionFor(Integer requested) {
		int last = active().size() + 1;
		if (requested == null) {
			return last;
		}
		RuleViolation.check(requested >= 1 && requested <= last, ErrorCode.RULE_BROKEN,
				"position " + requested + " is outside the agenda, which has room for positions 1 to " + last);
		return requested;
	}

	void requirePermutation(List<AgendaItemId> order) {
		Set<AgendaItemId> current = active().stream().map((item) -> item.origin.itemId()).collect(Collectors.toSet());
		RuleViolation.check(order.size() == current.size() && current.equals(Set.copyOf(order)), ErrorCode.RULE_BROKEN,
				"a new order must name every item on the agenda exactly once: "
						+ current.stream().map(AgendaItemId::value).sorted().collect(Collectors.joining(", ")));
	}

	void add(AgendaItemAdded event) {
		List<Item> active = active();
		int index = Math.min(Math.max(event.position() - 1, 0), active.size());
		Item item = new Item(event);
		if (index == active.size()) {
			this.items.add(item);
		}
		else {
			this.items.add(this.items.indexOf(active.get(index)), item);
		}
	}

	void reorder(List<AgendaItemId> order) {
		List<Item> reordered = new ArrayList<>();
		order.forEach((id) -> reordered.add(find(id)));
		this.items.stream().filter((item) -> !reordered.contains(item)).forEach(reordered::add);
		this.items = reordered;
	}

	private List<Item> active() {
		return this.items.stream().filter((item) -> !item.withdrawn).toList();
	}

}
