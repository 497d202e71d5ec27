package org.matterflow.deploy.benchmark;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Readers of the query API while secretaries write: a dashboard reading a body's current
 * agenda, a person reading what they owe, an auditor reading a matter's history, in turn,
 * each about a record of the filled store chosen at random.
 */
final class Readers {

	static final List<String> QUERIES = List.of("agenda", "open assignments", "matter history");

	private final URI querySide;

	private final String run;

	private final int filledBodies;

	private final Http http;

	private final String authorization;

	Readers(Http http, URI querySide, String authorization, String run, int filledBodies) {
		this.http = http;
		this.querySide = querySide;
		this.authorization = authorization;
		this.run = run;
		this.filledBodies = filledBodies;
	}

	static Map<String, Latencies> latencies() {
		Map<String, Latencies> latencies = new LinkedHashMap<>();
		QUERIES.forEach((query) -> latencies.put(query, new Latencies()));
		return latencies;
	}

	List<Thread> start(int readers, AtomicBoolean stop, Map<String, Latencies> latencies, List<Exception> failures) {
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < readers; i++) {
			Thread thread = new Thread(() -> {
				int turn = 0;
				try {
					while (!stop.get()) {
						String query = QUERIES.get(turn++ % QUERIES.size());
						int body = ThreadLocalRandom.current().nextInt(this.filledBodies);
						String path = switch (query) {
							case "agenda" -> "/api/bodies/fill-" + this.run + "-" + body + "/agenda";
							case "open assignments" -> "/api/assignments?assignee=fp-" + this.run + "-" + body;
							default -> "/api/matters/fill-" + this.run + "-" + body + "-m"
									+ ThreadLocalRandom.current().nextInt(20) + "/history";
						};
						long start = System.nanoTime();
						get(path);
						latencies.get(query).record(System.nanoTime() - start);
					}
				}
				catch (Exception ex) {
					failures.add(ex);
					stop.set(true);
				}
			}, "reader-" + i);
			threads.add(thread);
		}
		threads.forEach(Thread::start);
		return threads;
	}

	String get(String path) throws Exception {
		return get(path, this.authorization);
	}

	String get(String path, String authorization) throws Exception {
		Http.Answer answer = this.http.get(this.querySide.resolve(path), authorization);
		if (answer.status() != 200) {
			throw new IllegalStateException("GET " + path + " answered " + answer.status() + ": " + answer.excerpt());
		}
		return answer.body();
	}

	String post(String path, String authorization) throws Exception {
		Http.Answer answer = this.http.post(this.querySide.resolve(path), authorization, null);
		if (answer.status() >= 300) {
			throw new IllegalStateException("POST " + path + " answered " + answer.status() + ": " + answer.body());
		}
		return answer.body();
	}

}
