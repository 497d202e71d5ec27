package org.matterflow.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sends the records of a folder to the command side's import API, in the order of their
 * file names (which start with the meeting's date), as a secretary bringing over old
 * minutes would.
 */
public final class SeedRecords {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http = HttpClient.newHttpClient();

	private final URI commandSide;

	private final String credentials;

	public SeedRecords(URI commandSide, String user, String password) {
		this.commandSide = commandSide;
		this.credentials = "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	/** What one record did: its file and the importer's report. */
	public record Imported(Path file, JsonNode report) {

		public long position() {
			return this.report.path("position").asLong(-1);
		}

		public long appended() {
			return this.report.path("appended").asLong();
		}

	}

	/** The records of a folder, in import order. */
	public static List<Path> in(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".yaml")).sorted().toList();
		}
	}

	public List<Imported> importAll(Path folder) throws IOException, InterruptedException {
		List<Imported> imported = new ArrayList<>();
		for (Path file : in(folder)) {
			imported.add(importRecord(file));
		}
		return imported;
	}

	public Imported importRecord(Path file) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(this.commandSide.resolve("/api/imports"))
			.header("Authorization", this.credentials)
			.header("Content-Type", "application/yaml")
			.POST(HttpRequest.BodyPublishers.ofString(Files.readString(file)))
			.build(), HttpResponse.BodyHandlers.ofString());
		JsonNode body = JSON.readTree(response.body());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(file.getFileName() + " was refused: " + body.path("detail").asText());
		}
		return new Imported(file, body);
	}

	/** The furthest position the imports reached, for read-your-writes queries. */
	public static long lastPosition(List<Imported> imported) {
		return imported.stream().mapToLong(Imported::position).max().orElse(-1);
	}

}
