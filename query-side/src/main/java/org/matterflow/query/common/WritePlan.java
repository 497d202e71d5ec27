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

	/**
	 * Adds a write; {@code values} are an {@code Object[]} for a statement with {@code ?}
	 * parameters, a map for one with named parameters.
	 */
	void add(String statement, Shape shape, boolean named, Object values) {
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

	boolean isEmpty() {
		return this.batches.isEmpty();
	}

	/** The batches in the order they are to be sent; the plan is empty afterwards. */
	List<Batch> drain() {
		List<Batch> drained = List.copyOf(this.batches);
		this.batches.clear();
		this.lastBatchOf.clear();
		this.lastTouching.clear();
		this.lastWriting.clear();
		return drained;
	}

}
