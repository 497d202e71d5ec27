package org.matterflow.query.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver as an integration runs one: a real HTTP server that records every
 * request and answers with the status the test chooses for the n-th request. It checks
 * signatures with its own implementation of the Standard Webhooks scheme, not the one
 * that signs them.
 */
final class WebhookReceiver implements AutoCloseable {

	/** One request as it arrived. */
	record Received(String id, String timestamp, String signature, String body, int answered) {

		boolean verifies(String secret) {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())),
						"HmacSHA256"));
				String expected = Base64.getEncoder()
					.encodeToString(mac
						.doFinal((this.id + "." + this.timestamp + "." + this.body).getBytes(StandardCharsets.UTF_8)));
				for (String candidate : this.signature.split(" ")) {
					if (candidate.equals("v1," + expected)) {
						return true;
					}
				}
				return false;
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final AtomicInteger requests = new AtomicInteger();

	private volatile IntUnaryOperator answer;

	WebhookReceiver(IntUnaryOperator answer) throws IOException {
		this.answer = answer;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/hook", (exchange) -> {
			String body;
			try (InputStream in = exchange.getRequestBody()) {
				body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			int status = this.answer.applyAsInt(this.requests.incrementAndGet());
			this.received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
					exchange.getRequestHeaders().getFirst("webhook-timestamp"),
					exchange.getRequestHeaders().getFirst("webhook-signature"), body, status));
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hook";
	}

	void answer(IntUnaryOperator answer) {
		this.answer = answer;
	}

	List<Received> received() {
		return new ArrayList<>(this.received);
	}

	/** The ids of the events accepted with a 2xx, in the order they were accepted. */
	List<String> accepted() {
		return this.received.stream().filter((request) -> request.answered() < 300).map(Received::id).toList();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
