package org.matterflow.command.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The command API over real HTTP, as a client of it would call it. */
public class Api {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	private String user = "secretary";

	private final Map<String, String> headers = new LinkedHashMap<>();

	public Api(int port) {
		this.port = port;
	}

	/** A response: status, content type and the JSON body. */
	public record Response(int status, String contentType, JsonNode body) {

		public String text(String field) {
			JsonNode node = this.body.at(field.startsWith("/") ? field : "/" + field);
			return node.isMissingNode() ? null : node.asText();
		}

		public long number(String field) {
			return this.body.at(field.startsWith("/") ? field : "/" + field).asLong();
		}

	}

	public Api as(String user) {
		Api api = new Api(this.port);
		api.user = user;
		api.headers.putAll(this.headers);
		return api;
	}

	public Api header(String name, String value) {
		Api api = as(this.user);
		api.headers.put(name, value);
		return api;
	}

	public Response post(String path, String json) {
		return post(path, "application/json", json);
	}

	public Response post(String path, String contentType, String content) {
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", contentType)
			.POST((content != null) ? HttpRequest.BodyPublishers.ofString(content)
					: HttpRequest.BodyPublishers.noBody()));
	}

	/** A GET, which the command side's paths do not take. */
	public Response get(String path) {
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).GET());
	}

	private Response send(HttpRequest.Builder request) {
		if (this.user != null) {
			request.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((this.user + ":" + this.user).getBytes(StandardCharsets.UTF_8)));
		}
		this.headers.forEach(request::header);
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode body = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The setup of many tests: a new working group and a meeting of it on 2025-01-22,
	 * both accepted.
	 */
	public void scheduleMeetingOfNewBody(String bodyId, String meetingId) {
		Response body = post("/api/bodies", json("{'bodyId':'" + bodyId + "','name':'Grupp','kind':'OTHER'}"));
		assertThat(body.status()).as(body.body().toString()).isEqualTo(201);
		Response meeting = post("/api/meetings",
				json("{'meetingId':'" + meetingId + "','bodyId':'" + bodyId + "','date':'2025-01-22'}"));
		assertThat(meeting.status()).as(meeting.body().toString()).isEqualTo(201);
	}

	/** Single quotes read as double quotes, so JSON in tests stays readable. */
	public static String json(String singleQuoted) {
		return singleQuoted.replace('\'', '"');
	}

}
