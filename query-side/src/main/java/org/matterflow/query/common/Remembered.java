package org.matterflow.query.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Facts a projection keeps in memory instead of reading them back for each event (the
 * body of a meeting, what a stream's first event named): facts of the event store, which
 * never change, so an entry is never stale, and one that is missing is read again.
 */
public final class Remembered {

	private Remembered() {
	}

	/**
	 * At most {@code entries}, the oldest first out. Synchronized although one processor
	 * thread writes it: that costs nothing uncontended.
	 */
	public static <V> Map<String, V> upTo(int entries) {
		return Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, false) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
				return size() > entries;
			}

		});
	}

}
