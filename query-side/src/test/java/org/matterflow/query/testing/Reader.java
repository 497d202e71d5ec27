package org.matterflow.query.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The query API over real HTTP, signed in as a reader. */
public class Reader {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	private final String user;

	public Reader(int port) {
		this(port, "auditor");
	}

	public Reader(int port, String user) {
		this.port = port;
		this.user = user;
	}

	public record Response(int status, String contentType, JsonNode body, String link) {

		/**
		 * The path and query of the {@code Link} header's {@code rel="next"}, or null
		 * when no page follows.
		 */
		public String next() {
			if (this.link == null) {
				return null;
			}
			Matcher next = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"").matcher(this.link);
			if (!next.find()) {
				return null;
			}
			URI uri = URI.create(next.group(1));
			return uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
		}

	}

	public Response get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	public Response post(String path) {
		return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
	}

	public Response post(String path, String json) {
		return post(path, "application/json", json);
	}

	public Response post(String path, String contentType, String text) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(text)));
	}

	public Response delete(String path) {
		return send(HttpRequest.newBuilder(uri(path)).DELETE());
	}

	/** The answer as it came, for a body that is not JSON. */
	public HttpResponse<String> raw(String path, String accept, String... headers) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET();
			if (headers.length > 0) {
				request.headers(headers);
			}
			return this.http.send(signedIn(request).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The body of a successful answer. */
	public JsonNode json(String path) {
		Response response = get(path);
		if (response.status() != 200) {
			throw new AssertionError("GET " + path + " answered " + response.status() + ": " + response.body());
		}
		return response.body();
	}

	/**
	 * The rows of a list read one per page ({@code path} asks for {@code limit=1}) by
	 * following its next links to the last page, which has none. Each page must answer
	 * 200 with one row; more than {@code bound} pages means a cursor that does not move
	 * on, which would page forever.
	 */
	public List<JsonNode> onePerPage(String path, int bound) {
		List<JsonNode> rows = new ArrayList<>();
		String page = path;
		for (int pages = 0; page != null; pages++) {
			if (pages > bound) {
				throw new AssertionError("more than " + bound + " pages from " + path + ": the last read " + page);
			}
			Response response = get(page);
			if (response.status() != 200 || response.body().size() != 1) {
				throw new AssertionError("GET " + page + " answered " + response.status() + " with " + response.body()
						+ ", not one row");
			}
			response.body().forEach(rows::add);
			page = response.next();
		}
		return rows;
	}

	/**
	 * What {@code GET /actuator/readmodels} says of one read model (the reader must be an
	 * operator).
	 */
	public JsonNode readModel(String name) {
		for (JsonNode view : json("/actuator/readmodels")) {
			if (view.get("readModel").asText().equals(name)) {
				return view;
			}
		}
		throw new AssertionError("no read model " + name);
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private HttpRequest.Builder signedIn(HttpRequest.Builder request) {
		if (this.user != null) {
			request.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((this.user + ":" + this.user).getBytes(StandardCharsets.UTF_8)));
		}
		return request;
	}

	private Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(signedIn(request).build(),
					HttpResponse.BodyHandlers.ofString());
			JsonNode body = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body,
					response.headers().firstValue("Link").orElse(null));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The first step of a kind in a matter's history ({@code steps} of its answer). */
	public static JsonNode firstStep(JsonNode steps, String kind) {
		for (JsonNode step : steps) {
			if (step.get("step").asText().equals(kind)) {
				return step;
			}
		}
		throw new AssertionError("no " + kind + " step among " + steps.findValuesAsText("step"));
	}

}
