package org.matterflow.query.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A list answer that knows its columns even when it holds no row, so that an empty
 * register read as CSV is still a file with its header: a statistics program reading "no
 * decisions this month" should get a table with no rows, not a file it cannot parse. As
 * JSON it is the plain list it holds.
 */
public final class Listing extends ArrayList<Map<String, Object>> {

	private final List<String> columns;

	private Listing(List<Map<String, Object>> views, List<String> columns) {
		super(views);
		this.columns = columns;
	}

	/**
	 * The rows as their views. The columns are those of the view of a row whose every
	 * column is empty: a view names each field whatever its value, so no list of columns
	 * is kept beside it to be forgotten when a field is added. A view that leaves a field
	 * out for some rows is refused, since its CSV would lose that field.
	 */
	public static Listing of(List<Map<String, Object>> rows, Function<Map<String, Object>, Map<String, Object>> view) {
		return of(rows.stream().map(view).toList(), List.copyOf(view.apply(Map.of()).keySet()));
	}

	/**
	 * Views already made, of a kind whose view cannot be made of an empty row, with the
	 * columns each of them has; a view with other columns is a mistake of the caller's.
	 */
	public static Listing of(List<Map<String, Object>> views, List<String> columns) {
		for (Map<String, Object> view : views) {
			// CSV reads a row's cells by column name, so the columns must be there, in
			// whatever order; checked without a copy, since every list answer passes here
			if (view.size() != columns.size() || !view.keySet().containsAll(columns)) {
				throw new IllegalStateException("a view has the columns " + view.keySet() + ", not " + columns);
			}
		}
		return new Listing(views, List.copyOf(columns));
	}

	public List<String> columns() {
		return this.columns;
	}

}
