package org.matterflow.query.common;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The writes of one transaction, grouped into batches of the same statement in an order
 * that gives the same result as sending them one by one. A write joins the last batch of
 * its statement only when no batch after that one writes a table the write reads or
 * writes, or reads a table the write writes; otherwise it opens a new batch at the end.
 * Writes of one statement keep their order within their batch, so two writes to the same
 * table never pass each other.
 *
 * Writes not yet sent can be withdrawn back to a mark: an event whose handler fails is
 * parked in the read model's dead-letter queue, and what its handler wrote before it
 * failed must not reach the read model with the events around it.
 */
final class WritePlan {

	/** The tables a statement touches and the ones it changes. */
	record Shape(Set<String> tables, Set<String> written) {
	}

	/** Writes of one statement, sent together; {@code values} are its parameters. */
	record Batch(String statement, boolean named, List<Object> values) {
	}

	private final List<Batch> batches = new ArrayList<>();

	private final Map<Key, Integer> lastBatchOf = new HashMap<>();

	private record Key(String statement, boolean named) {
	}

	/** For each table, the last batch that touches it and the last that changes it. */
	private final Map<String, Integer> lastTouching = new HashMap<>();

	private final Map<String, Integer> lastWriting = new HashMap<>();

	/** The writes waiting, in the order they were added: what a withdrawal replays. */
	private final List<Write> waiting = new ArrayList<>();

	private record Write(String statement, Shape shape, boolean named, Object values) {
	}

	/** Writes added in this transaction, and how many of them have been sent. */
	private long added;

	private long sent;

	/**
	 * Adds a write; {@code values} are an {@code Object[]} for a statement with {@code ?}
	 * parameters, a map for one with named parameters.
	 */
	void add(String statement, Shape shape, boolean named, Object values) {
		this.waiting.add(new Write(statement, shape, named, values));
		this.added++;
		plan(statement, shape, named, values);
	}

	private void plan(String statement, Shape shape, boolean named, Object values) {
		Key key = new Key(statement, named);
		Integer last = this.lastBatchOf.get(key);
		if (last != null && mayJoin(last, shape)) {
			this.batches.get(last).values().add(values);
			return;
		}
		int index = this.batches.size();
		List<Object> first = new ArrayList<>();
		first.add(values);
		this.batches.add(new Batch(statement, named, first));
		this.lastBatchOf.put(key, index);
		shape.tables().forEach((table) -> this.lastTouching.put(table, index));
		shape.written().forEach((table) -> this.lastWriting.put(table, index));
	}

	private boolean mayJoin(int batch, Shape shape) {
		for (String table : shape.tables()) {
			boolean writes = shape.written().contains(table);
			int after = writes ? this.lastTouching.getOrDefault(table, -1) : this.lastWriting.getOrDefault(table, -1);
			if (after > batch) {
				return false;
			}
		}
		return true;
	}

	/** A mark to withdraw back to: the writes added so far. */
	long mark() {
		return this.added;
	}

	/**
	 * Withdraws the writes added since the mark, unless one of them has been sent; says
	 * whether none of them will reach the database.
	 */
	boolean withdrawSince(long mark) {
		if (this.sent > mark) {
			return false;
		}
		List<Write> kept = List.copyOf(this.waiting.subList(0, (int) (mark - this.sent)));
		clear();
		kept.forEach((write) -> plan(write.statement(), write.shape(), write.named(), write.values()));
		this.waiting.addAll(kept);
		this.added = mark;
		return true;
	}

	boolean isEmpty() {
		return this.batches.isEmpty();
	}

	/** The batches in the order they are to be sent; the plan is empty afterwards. */
	List<Batch> drain() {
		List<Batch> drained = List.copyOf(this.batches);
		this.sent = this.added;
		clear();
		return drained;
	}

	private void clear() {
		this.waiting.clear();
		this.batches.clear();
		this.lastBatchOf.clear();
		this.lastTouching.clear();
		this.lastWriting.clear();
	}

}
