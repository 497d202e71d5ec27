package org.matterflow.endtoend;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.matterflow.deploy.BothSides;
import org.matterflow.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every command and every query the two OpenAPI documents list, sent odd values in each
 * field of its body and each of its parameters: whatever is refused is refused as a
 * problem, nothing answers 5xx, and what was accepted leaves every read model following.
 * Values like these found a {@code null} in a list answering 500 and a name holding
 * U+0000 stopping all read models; an operation added later is covered without a line
 * here.
 */
class OddInputTest {

	static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * Writes every letter outside ASCII as an escape, so half a surrogate pair arrives as
	 * sent.
	 */
	static final ObjectWriter ESCAPING = JSON.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());

	static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** Odd values for a field of a command's body. */
	static final List<JsonNode> ODD_FIELDS = List.of(NODES.nullNode(), NODES.numberNode(-1), NODES.numberNode(1.5),
			NODES.textNode(""), NODES.textNode("a".repeat(20_000)), NODES.textNode("Grupp\u0000"),
			NODES.textNode("Grupp \ud800"), NODES.textNode("2025-02-30"), NODES.arrayNode(),
			NODES.arrayNode().add(NODES.nullNode()), NODES.objectNode(), NODES.booleanNode(true));

	/**
	 * Text that PostgreSQL cannot store (U+0000) or UTF-8 cannot encode (half a pair).
	 */
	static final List<JsonNode> UNSTORABLE = List.of(NODES.textNode("Grupp\u0000"), NODES.textNode("Grupp \ud800"));

	/** Odd values for a query parameter, as sent (already encoded). */
	static final List<String> ODD_PARAMETERS = List.of("", "x", "-1", "99999999999999999999", "2025-13-45", "%00",
			"a%00b", enc("å€😀"), enc("a".repeat(3_000)), enc("'; select 1"), "1.5");

	static final Map<String, String> IDS = Map.of("bodyId", "grupp", "meetingId", "grupp-2025-01-22", "matterId",
			"fraga", "itemId", "1", "assignmentId", "uppdrag", "membershipId", "ledamot", "decisionId", "beslut",
			"personId", "ingen", "id", "ingen", "secret", "ingen");

	static BothSides sides;

	final HttpClient http = HttpClient.newHttpClient();

	final List<String> faults = new ArrayList<>();

	@BeforeAll
	static void start() {
		TestDatabase.Connection database = TestDatabase.create("oddinput");
		sides = BothSides.start(database.url(), database.username(), database.password(), 0, 0);
	}

	@AfterAll
	static void stop() {
		if (sides != null) {
			sides.close();
		}
	}

	@Test
	void odd_values_in_any_field_or_parameter_are_refused_as_problems_and_stop_no_read_model() throws Exception {
		// something for the paths to name
		accepted(sides.commandSideAt("/api/bodies"),
				"{\"bodyId\":\"grupp\",\"name\":\"Grupp\",\"kind\":\"WORKING_GROUP\"}");
		accepted(sides.commandSideAt("/api/meetings"),
				"{\"meetingId\":\"grupp-2025-01-22\",\"bodyId\":\"grupp\",\"date\":\"2025-01-22\"}");
		accepted(sides.commandSideAt("/api/matters"),
				"{\"matterId\":\"fraga\",\"bodyId\":\"grupp\",\"title\":\"Fråga\"}");

		JsonNode commands = document(sides.commandSideAt("/v3/api-docs"));
		int sent = 0;
		for (Iterator<Map.Entry<String, JsonNode>> paths = commands.get("paths").fields(); paths.hasNext();) {
			Map.Entry<String, JsonNode> path = paths.next();
			JsonNode post = path.getValue().get("post");
			if (post == null) {
				continue;
			}
			URI target = sides.commandSideAt(named(path.getKey()));
			String user = path.getKey().startsWith("/api/imports") ? "importer" : "secretary";
			List<String> bodies = new ArrayList<>(List.of("", "{", "[]", "null", "{}", "\"x\""));
			List<String> unstorable = new ArrayList<>();
			JsonNode schema = post.at("/requestBody/content/application~1json/schema");
			if (!schema.isMissingNode()) {
				JsonNode sample = sample(commands, schema, 0);
				for (List<Object> field : fields(sample, new ArrayList<>())) {
					for (JsonNode odd : ODD_FIELDS) {
						String body = ESCAPING.writeValueAsString(with(sample, field, odd));
						(UNSTORABLE.contains(odd) ? unstorable : bodies).add(body);
					}
				}
			}
			for (String body : bodies) {
				check("POST " + path.getKey() + " " + abbreviated(body), post(user, target, body));
				sent++;
			}
			for (String body : unstorable) {
				HttpResponse<String> response = post(user, target, body);
				check("POST " + path.getKey() + " " + abbreviated(body), response);
				if (response.statusCode() < 300) {
					this.faults.add("POST " + path.getKey() + " " + abbreviated(body)
							+ " -> accepted text that the record cannot keep as it was sent");
				}
				sent++;
			}
		}

		JsonNode queries = document(sides.querySideAt("/v3/api-docs"));
		for (Iterator<Map.Entry<String, JsonNode>> paths = queries.get("paths").fields(); paths.hasNext();) {
			Map.Entry<String, JsonNode> path = paths.next();
			JsonNode get = path.getValue().get("get");
			if (get == null || path.getKey().contains("stream")) {
				continue;
			}
			for (JsonNode parameter : get.path("parameters")) {
				if (!"query".equals(parameter.get("in").asText())) {
					continue;
				}
				for (String odd : ODD_PARAMETERS) {
					URI target = URI.create(
							sides.querySideAt(named(path.getKey())) + "?" + parameter.get("name").asText() + "=" + odd);
					check("GET " + target.getRawPath() + "?" + abbreviated(target.getRawQuery()),
							get("auditor", target));
					sent++;
				}
			}
		}

		assertThat(this.faults).as("of %d requests", sent).isEmpty();
		assertThat(sent).isGreaterThan(1_000);

		// every read model has followed what was accepted
		long position = accepted(sides.commandSideAt("/api/bodies"),
				"{\"bodyId\":\"sist\",\"name\":\"Sist\",\"kind\":\"WORKING_GROUP\"}")
			.get("position")
			.asLong();
		for (String query : new String[] { "/api/bodies?", "/api/bodies/grupp/agenda?", "/api/decisions?",
				"/api/assignments?", "/api/matters?", "/api/meetings/grupp-2025-01-22?" }) {
			HttpResponse<String> answer = get("auditor", sides.querySideAt(query + "position=" + position));
			assertThat(answer.statusCode()).as(query + ": " + answer.body()).isEqualTo(200);
		}
		// the feed takes no position to wait for: it has followed once it holds the event
		await().atMost(Duration.ofSeconds(30))
			.until(() -> JSON.readTree(get("auditor", sides.querySideAt("/api/events?body=sist")).body())
				.get("events")
				.findValuesAsText("globalposition")
				.contains(String.valueOf(position)));
	}

	@Test
	void an_address_or_a_query_that_cannot_be_read_is_refused_as_a_problem_even_when_signed_in() throws Exception {
		// sent as bytes: java.net.URI refuses to hold "%ZZ"
		for (String[] request : new String[][] { { "query", "GET /api/decisions?body=%ZZ" },
				{ "query", "GET /api/bodies;x=1" }, { "query", "GET /api/bodies/a/../b" },
				{ "command", "POST /api/bodies;x=1" }, { "command", "POST /api/bodies?%ZZ=1" },
				// refused by Tomcat before the application
				{ "query", "GET /api/bodies/%ZZ" }, { "query", "GET /api/bodies/a%2Fb" },
				{ "command", "POST /api/bodies/%ZZ/rename" } }) {
			URI side = "query".equals(request[0]) ? sides.querySideAt("/") : sides.commandSideAt("/");
			String answer = raw(side, request[1], "query".equals(request[0]) ? "auditor" : "secretary");
			assertThat(answer).as(request[1]).startsWith("HTTP/1.1 400").contains("application/problem+json");
		}
		// headers past what the connector takes (8 KB)
		assertThat(raw(sides.querySideAt("/"), "GET /api/bodies", "auditor", "X-Note: " + "a".repeat(20_000)))
			.startsWith("HTTP/1.1 400")
			.contains("application/problem+json");
	}

	/** The status line and headers of a request sent as it is written. */
	private static String raw(URI side, String requestLine, String user, String... headers) throws IOException {
		try (Socket socket = new Socket(side.getHost(), side.getPort())) {
			socket.setSoTimeout(10_000);
			StringBuilder request = new StringBuilder(requestLine + " HTTP/1.1\r\n");
			for (String header : headers) {
				request.append(header).append("\r\n");
			}
			request.append("Host: " + side.getHost() + "\r\nAuthorization: " + basic(user)
					+ "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
			socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
			String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			int end = answer.indexOf("\r\n\r\n");
			return (end >= 0) ? answer.substring(0, end) : answer;
		}
	}

	private void check(String request, HttpResponse<String> response) {
		int status = response.statusCode();
		String type = response.headers().firstValue("Content-Type").orElse("");
		if (status >= 500 || (status >= 400 && status != 401 && status != 403 && status != 405
				&& !type.startsWith("application/problem+json"))) {
			this.faults.add(request + " -> " + status + " " + type + " " + abbreviated(response.body()));
		}
	}

	/** A value for every property the schema names, of the type it names. */
	private static JsonNode sample(JsonNode document, JsonNode schema, int depth) {
		JsonNode resolved = resolve(document, schema);
		if (resolved.has("enum")) {
			return resolved.get("enum").get(0);
		}
		String type = resolved.path("type").asText(resolved.has("properties") ? "object" : "string");
		String format = resolved.path("format").asText("");
		return switch (type) {
			case "object" -> {
				ObjectNode object = NODES.objectNode();
				if (depth < 4) {
					resolved.path("properties")
						.fields()
						.forEachRemaining((property) -> object.set(property.getKey(),
								sample(document, property.getValue(), depth + 1)));
				}
				yield object;
			}
			case "array" -> NODES.arrayNode().add(sample(document, resolved.path("items"), depth + 1));
			case "integer" -> NODES.numberNode(1);
			case "number" -> NODES.numberNode(1.0);
			case "boolean" -> NODES.booleanNode(false);
			default -> NODES.textNode(switch (format) {
				case "date" -> "2025-01-22";
				case "date-time" -> "2025-01-22T10:00:00Z";
				case "partial-time" -> "10:00";
				default -> "x";
			});
		};
	}

	private static JsonNode resolve(JsonNode document, JsonNode schema) {
		JsonNode reference = schema.get("$ref");
		return (reference != null) ? document.at(reference.asText().substring(1)) : schema;
	}

	/** The paths to every value in the sample: names of properties, indexes of lists. */
	private static List<List<Object>> fields(JsonNode node, List<Object> at) {
		List<List<Object>> found = new ArrayList<>();
		if (node.isObject()) {
			node.fields().forEachRemaining((field) -> {
				List<Object> next = new ArrayList<>(at);
				next.add(field.getKey());
				found.add(next);
				found.addAll(fields(field.getValue(), next));
			});
		}
		else if (node.isArray() && !node.isEmpty()) {
			List<Object> next = new ArrayList<>(at);
			next.add(0);
			found.add(next);
			found.addAll(fields(node.get(0), next));
		}
		return found;
	}

	private static JsonNode with(JsonNode sample, List<Object> field, JsonNode value) {
		JsonNode copy = sample.deepCopy();
		JsonNode parent = copy;
		for (Object step : field.subList(0, field.size() - 1)) {
			parent = (step instanceof Integer index) ? parent.get(index) : parent.get((String) step);
		}
		Object last = field.get(field.size() - 1);
		if (last instanceof Integer index) {
			((ArrayNode) parent).set(index, value);
		}
		else {
			((ObjectNode) parent).set((String) last, value);
		}
		return copy;
	}

	private static String named(String path) {
		String named = path;
		for (Map.Entry<String, String> id : IDS.entrySet()) {
			named = named.replace("{" + id.getKey() + "}", id.getValue());
		}
		return named;
	}

	private JsonNode document(URI at) throws IOException, InterruptedException {
		return JSON.readTree(
				this.http.send(HttpRequest.newBuilder(at).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
	}

	private JsonNode accepted(URI at, String json) throws IOException, InterruptedException {
		HttpResponse<String> response = post("secretary", at, json);
		assertThat(response.statusCode()).as(at + ": " + response.body()).isIn(200, 201);
		return JSON.readTree(response.body());
	}

	private HttpResponse<String> post(String user, URI at, String json) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(at)
			.header("Authorization", basic(user))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	private HttpResponse<String> get(String user, URI at) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(at).header("Authorization", basic(user)).GET().build());
	}

	private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String abbreviated(String text) {
		return (text == null || text.length() <= 160) ? text : text.substring(0, 160) + "…";
	}

	private static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
	}

}
