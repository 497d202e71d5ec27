package org.matterflow.command.common;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.matterflow.kernel.InvalidValue;

/**
 * Refuses a command whose text holds the character U+0000 or half of a surrogate pair
 * (which UTF-8 cannot encode: the store would keep a '?'). JSON can carry U+0000
 * ({@code "\u0000"}) and the event store keeps it, but PostgreSQL's text cannot: every
 * read model that stores that text would fail on the event, again after every retry, and
 * stop there (ADR 0007). No minutes need it, so it is refused before anything is
 * appended, for every command however it came: a request, an import, a deadline.
 */
public final class TextGuard {

	// every command passes here: a record type's components are looked up once, not per
	// command
	private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {

		@Override
		protected List<Component> computeValue(Class<?> type) {
			List<Component> components = new ArrayList<>();
			for (RecordComponent component : type.getRecordComponents()) {
				Method accessor = component.getAccessor();
				// commands of the command side's own features are package-private records
				accessor.trySetAccessible();
				components.add(new Component(component.getName(), accessor));
			}
			return List.copyOf(components);
		}

	};

	private TextGuard() {
	}

	/** Checks every text the command holds, through its records, lists and maps. */
	public static void check(Object command) {
		check(command, null, 0);
	}

	private static void check(Object value, String field, int depth) {
		if (value == null || depth > 16) {
			return;
		}
		if (value instanceof CharSequence text) {
			String name = (field != null) ? field : "text";
			if (text.toString().indexOf('\u0000') >= 0) {
				throw new InvalidValue(name, name + " must not hold the character U+0000");
			}
			if (!wellFormed(text)) {
				throw new InvalidValue(name, name + " must be Unicode text, but holds half of a surrogate pair");
			}
		}
		else if (value instanceof Collection<?> values) {
			int index = 0;
			for (Object element : values) {
				check(element, field + "[" + index++ + "]", depth + 1);
			}
		}
		else if (value instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				check(entry.getKey(), field, depth + 1);
				check(entry.getValue(), field + "." + entry.getKey(), depth + 1);
			}
		}
		else if (value.getClass().isRecord()) {
			for (Component component : COMPONENTS.get(value.getClass())) {
				String name = (field != null && depth > 0) ? field + "." + component.name() : component.name();
				check(component.read(value), name, depth + 1);
			}
		}
	}

	// JSON's "\ud800" alone reads as half a character, which UTF-8 cannot encode: the
	// event store would keep a '?' in its place
	private static boolean wellFormed(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return false;
			}
		}
		return true;
	}

	/** A record's component and its accessor, made accessible once. */
	private record Component(String name, Method accessor) {

		Object read(Object record) {
			try {
				return this.accessor.invoke(record);
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException("cannot read " + this.name + " of " + record.getClass(), ex);
			}
		}

	}

}
