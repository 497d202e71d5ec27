package org.matterflow.operations;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of PromQL to find what an expression reads: the series it selects, with
 * their label matchers, and the labels it groups by. Rules and dashboards name metrics by
 * hand; this is what lets a test hold them against what the sides expose.
 */
final class PromQl {

	/** A label matcher: {@code label op "value"}, op one of =, !=, =~, !~. */
	record LabelMatcher(String label, String op, String value) {

		boolean isEquality() {
			return "=".equals(this.op);
		}

	}

	/** A series an expression reads: a metric name and its label matchers. */
	record Selector(String metric, List<LabelMatcher> matchers) {

		@Override
		public String toString() {
			return this.metric + this.matchers;
		}

	}

	private static final Pattern RANGE = Pattern.compile("\\[[^\\]]*\\]");

	private static final Pattern BRACES = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)?\\s*\\{([^}]*)\\}");

	private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"([^\"]*)\"");

	private static final Pattern GROUPING = Pattern
		.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\(([^)]*)\\)");

	private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");

	private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan");

	private PromQl() {
	}

	/** Every series the expression selects, in the order they appear. */
	static List<Selector> selectors(String expression) {
		String rest = RANGE.matcher(expression).replaceAll("");
		List<Selector> selectors = new ArrayList<>();
		Matcher braces = BRACES.matcher(rest);
		while (braces.find()) {
			if (braces.group(1) != null) {
				selectors.add(new Selector(braces.group(1), matchers(braces.group(2))));
			}
		}
		rest = BRACES.matcher(rest).replaceAll(" ");
		rest = GROUPING.matcher(rest).replaceAll(" ");
		Matcher identifier = IDENTIFIER.matcher(rest);
		while (identifier.find()) {
			boolean function = identifier.group(2) != null;
			if (!function && !KEYWORDS.contains(identifier.group(1))) {
				selectors.add(new Selector(identifier.group(1), List.of()));
			}
		}
		return selectors;
	}

	/** The labels named in {@code by (...)} and the like. */
	static Set<String> groupingLabels(String expression) {
		Set<String> labels = new LinkedHashSet<>();
		Matcher grouping = GROUPING.matcher(BRACES.matcher(expression).replaceAll(" "));
		while (grouping.find()) {
			for (String label : grouping.group(2).split(",")) {
				if (!label.isBlank()) {
					labels.add(label.strip());
				}
			}
		}
		return labels;
	}

	private static List<LabelMatcher> matchers(String inside) {
		List<LabelMatcher> matchers = new ArrayList<>();
		Matcher matcher = MATCHER.matcher(inside);
		while (matcher.find()) {
			matchers.add(new LabelMatcher(matcher.group(1), matcher.group(2), matcher.group(3)));
		}
		return matchers;
	}

}
