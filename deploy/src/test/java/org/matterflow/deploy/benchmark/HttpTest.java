package org.matterflow.deploy.benchmark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HttpTest {

	/** What the server saw: method, authorization, content type, body. */
	private final List<String> seen = new CopyOnWriteArrayList<>();

	private HttpServer server;

	private URI base;

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::answer);
		this.server.start();
		this.base = URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/");
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	private void answer(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		this.seen.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Authorization") + " "
				+ exchange.getRequestHeaders().getFirst("Content-Type") + " " + body);
		boolean missing = exchange.getRequestURI().getPath().equals("/missing");
		byte[] answer = (missing ? "{\"title\":\"Not Found\"}" : "{\"position\":7}").getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(missing ? 404 : 200, answer.length);
		exchange.getResponseBody().write(answer);
		exchange.close();
	}

	@Test
	void sends_the_authorization_and_the_json_and_answers_status_and_body() throws IOException {
		try (Http http = new Http(2)) {
			Http.Answer posted = http.post(this.base.resolve("/api/bodies"), "Basic c2VjcmV0YXJ5", "{\"a\":1}");
			Http.Answer got = http.get(this.base.resolve("/api/bodies"), "Basic YXVkaXRvcg==");

			assertThat(posted).isEqualTo(new Http.Answer(200, "{\"position\":7}"));
			assertThat(got.status()).isEqualTo(200);
			assertThat(this.seen).containsExactly("POST Basic c2VjcmV0YXJ5 application/json; charset=UTF-8 {\"a\":1}",
					"GET Basic YXVkaXRvcg== null ");
		}
	}

	@Test
	void an_error_is_answered_not_thrown_and_a_post_without_json_has_no_body() throws IOException {
		try (Http http = new Http(2)) {
			Http.Answer answer = http.post(this.base.resolve("/missing"), "Basic b3BlcmF0b3I=", null);

			assertThat(answer.status()).isEqualTo(404);
			assertThat(answer.excerpt()).isEqualTo("{\"title\":\"Not Found\"}");
			assertThat(this.seen).containsExactly("POST Basic b3BlcmF0b3I= null ");
		}
	}

}
