package org.matterflow.command.importing;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.matterflow.kernel.ErrorCode;
import org.matterflow.kernel.InvalidValue;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One entry of a record as written, with the line it starts on, so that every complaint
 * about a record can point the secretary at the place to fix. Values are read as text and
 * converted here, never by YAML's own typing (which would turn {@code 4} into a number
 * and {@code no} into false).
 */
final class RecordNode {

	private static final int MAX_RECORD_CHARS = 1_000_000;

	private final Node node;

	private final String path;

	private RecordNode(Node node, String path) {
		this.node = node;
		this.path = path;
	}

	static RecordNode parse(String text) {
		if (text == null || text.isBlank()) {
			throw new RecordProblem(1, "record", "the record is empty");
		}
		if (text.length() > MAX_RECORD_CHARS) {
			throw new RecordProblem(1, "record", "the record is larger than " + MAX_RECORD_CHARS + " characters");
		}
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		options.setMaxAliasesForCollections(200);
		options.setCodePointLimit(MAX_RECORD_CHARS * 4);
		try {
			Node root = new Yaml(options).compose(new StringReader(text));
			if (!(root instanceof MappingNode)) {
				throw new RecordProblem(1, "record", "a record is a YAML mapping that starts with 'matterflow:'");
			}
			return new RecordNode(root, "");
		}
		catch (MarkedYAMLException ex) {
			int line = (ex.getProblemMark() != null) ? ex.getProblemMark().getLine() + 1 : 1;
			throw new RecordProblem(line, "record", "the record is not valid YAML: " + ex.getProblem());
		}
		catch (YAMLException ex) {
			throw new RecordProblem(1, "record", "the record is not valid YAML: " + ex.getMessage());
		}
	}

	/** The line the entry starts on, counting from 1. */
	int line() {
		return this.node.getStartMark().getLine() + 1;
	}

	/** Where the entry is, such as {@code agenda[3].decisions[0]}. */
	String path() {
		return this.path.isEmpty() ? "record" : this.path;
	}

	RecordProblem problem(String message) {
		return new RecordProblem(line(), path(), message);
	}

	RecordProblem problem(ErrorCode code, String message) {
		return new RecordProblem(line(), path(), code, message);
	}

	/** Refuses keys the format does not know, which are usually misspellings. */
	RecordNode allow(String... keys) {
		Set<String> allowed = Set.of(keys);
		for (String key : fields().keySet()) {
			if (!allowed.contains(key)) {
				throw field(key).problem("'" + key + "' is not part of the record format here; expected one of: "
						+ new TreeSet<>(Arrays.asList(keys)).stream().collect(Collectors.joining(", ")));
			}
		}
		return this;
	}

	boolean has(String key) {
		return fields().containsKey(key);
	}

	RecordNode field(String key) {
		Node value = fields().get(key);
		return (value != null) ? new RecordNode(value, childPath(key)) : null;
	}

	RecordNode require(String key) {
		RecordNode value = field(key);
		if (value == null || value.isNull()) {
			throw problem("'" + key + "' is required here");
		}
		return value;
	}

	String text(String key) {
		return require(key).scalar();
	}

	String optionalText(String key) {
		RecordNode value = field(key);
		return (value == null || value.isNull()) ? null : value.scalar();
	}

	boolean flag(String key, boolean otherwise) {
		String value = optionalText(key);
		if (value == null) {
			return otherwise;
		}
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "true", "yes" -> true;
			case "false", "no" -> false;
			default -> throw field(key).problem("'" + key + "' is true or false, not '" + value + "'");
		};
	}

	Integer optionalNumber(String key) {
		String value = optionalText(key);
		try {
			return (value != null) ? Integer.valueOf(value) : null;
		}
		catch (NumberFormatException ex) {
			throw field(key).problem("'" + key + "' is a whole number, not '" + value + "'");
		}
	}

	LocalDate date(String key) {
		LocalDate date = optionalDate(key);
		if (date == null) {
			throw problem("'" + key + "' is required here");
		}
		return date;
	}

	LocalDate optionalDate(String key) {
		String value = optionalText(key);
		try {
			return (value != null) ? LocalDate.parse(value) : null;
		}
		catch (DateTimeParseException ex) {
			throw field(key).problem("'" + key + "' is a date like 2025-01-22, not '" + value + "'");
		}
	}

	LocalTime time(String key, String value) {
		try {
			return LocalTime.parse((value.length() == 4) ? "0" + value : value);
		}
		catch (DateTimeParseException ex) {
			throw field(key).problem("'" + key + "' holds a time like 13:00, not '" + value + "'");
		}
	}

	<E extends Enum<E>> E choice(String key, Class<E> type, E otherwise) {
		String value = optionalText(key);
		if (value == null) {
			if (otherwise == null) {
				throw problem("'" + key + "' is required here");
			}
			return otherwise;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
		}
		catch (IllegalArgumentException ex) {
			throw field(key).problem("'" + key + "' is one of "
					+ Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))
					+ ", not '" + value + "'");
		}
	}

	/**
	 * The entries of a list; a missing list is empty, and a single entry counts as a list
	 * of one.
	 */
	List<RecordNode> list(String key) {
		RecordNode value = field(key);
		if (value == null || value.isNull()) {
			return List.of();
		}
		if (!(value.node instanceof SequenceNode sequence)) {
			return List.of(value);
		}
		List<RecordNode> entries = new ArrayList<>();
		for (int i = 0; i < sequence.getValue().size(); i++) {
			entries.add(new RecordNode(sequence.getValue().get(i), value.path + "[" + i + "]"));
		}
		return entries;
	}

	List<String> texts(String key) {
		return list(key).stream().map(RecordNode::scalar).toList();
	}

	String scalar() {
		if (!(this.node instanceof ScalarNode scalar)) {
			throw problem(path() + " is a single value here, not a list or a mapping");
		}
		return scalar.getValue().strip();
	}

	boolean isScalar() {
		return this.node instanceof ScalarNode;
	}

	/** Runs a conversion that may refuse a value, naming this entry when it does. */
	<T> T convert(java.util.function.Supplier<T> conversion) {
		try {
			return conversion.get();
		}
		catch (InvalidValue ex) {
			throw problem(ex.getMessage());
		}
	}

	private boolean isNull() {
		return this.node instanceof ScalarNode scalar && "tag:yaml.org,2002:null".equals(scalar.getTag().getValue());
	}

	private Map<String, Node> fields() {
		if (!(this.node instanceof MappingNode mapping)) {
			throw problem(path() + " should be a mapping of names to values");
		}
		Map<String, Node> fields = new LinkedHashMap<>();
		for (NodeTuple tuple : mapping.getValue()) {
			if (tuple.getKeyNode() instanceof ScalarNode key) {
				fields.put(key.getValue(), tuple.getValueNode());
			}
		}
		return fields;
	}

	private String childPath(String key) {
		return this.path.isEmpty() ? key : this.path + "." + key;
	}

}
