package org.matterflow.deploy.benchmark;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.TimeValue;

/**
 * The benchmark's HTTP client: blocking, each exchange on its caller's thread over a
 * kept-alive connection from a pool. A client on two cores shared with both sides and
 * PostgreSQL is part of what it measures: the JDK's {@code HttpClient} hands every
 * exchange to its selector thread and back through a worker pool, three threads woken for
 * one request, each of which may wait for a core; measured, twice the CPU per command of
 * this client and twice a query's median latency at half load (docs/performance.md,
 * tuning table). A secretary or reader on a machine of its own pays neither. Retries are
 * off: a command sent twice would be measured once.
 */
final class Http implements AutoCloseable {

	/** A response's status and body. */
	record Answer(int status, String body) {

		String excerpt() {
			return this.body.substring(0, Math.min(300, this.body.length()));
		}

	}

	private final CloseableHttpClient client;

	/**
	 * @param connections at most this many exchanges at a time, to each side
	 */
	Http(int connections) {
		this.client = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setMaxConnTotal(connections * 2)
				.setMaxConnPerRoute(connections)
				.build())
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableRedirectHandling()
			.disableContentCompression()
			// the sides of the warm-up store stop half-way through a run
			.evictIdleConnections(TimeValue.ofSeconds(30))
			.build();
	}

	Answer get(URI uri, String authorization) throws IOException {
		HttpGet get = new HttpGet(uri);
		return exchange(get, authorization);
	}

	/** A POST with a JSON body, or with none when {@code json} is null. */
	Answer post(URI uri, String authorization, String json) throws IOException {
		HttpPost post = new HttpPost(uri);
		if (json != null) {
			post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
		}
		return exchange(post, authorization);
	}

	private Answer exchange(HttpUriRequestBase request, String authorization) throws IOException {
		request.setHeader("Authorization", authorization);
		return this.client.execute(request, (response) -> new Answer(response.getCode(), (response.getEntity() != null)
				? EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8) : ""));
	}

	@Override
	public void close() throws IOException {
		this.client.close();
	}

}
