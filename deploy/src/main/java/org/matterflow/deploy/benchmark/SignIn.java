package org.matterflow.deploy.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * How the harness's clients sign in. By default as in production: each request carries a
 * JWT from an issuer the harness plays for the run. It serves its discovery document and
 * its key set over HTTP on the loopback interface, and the sides name it by
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, as production names the
 * region's identity provider, so they find its key, cache it and check each token's RS256
 * signature, expiry and issuer as they would there (a token checked is remembered for a
 * minute, ADR 0019). With {@code MATTERFLOW_BENCH_SIGN_IN=basic} the clients sign in with
 * HTTP Basic as the local users instead, as every run up to the thirty-second did.
 */
final class SignIn implements AutoCloseable {

	/**
	 * The scopes each of the harness's users holds, as the region's issuer grants them.
	 */
	private static final Map<String, String> SCOPES = Map.of("secretary", "matterflow.record", "auditor",
			"matterflow.read", "operator", "matterflow.operate");

	/** Longer than any run: a token that expires mid-run would fail its phase. */
	private static final Duration VALID_FOR = Duration.ofHours(12);

	private final RSAKey key;

	private final HttpServer issuer;

	private final Map<String, String> authorizations;

	private boolean closed;

	private SignIn(boolean jwt) {
		this.key = jwt ? rsaKey() : null;
		this.issuer = jwt ? serve(this.key) : null;
		this.authorizations = SCOPES.keySet()
			.stream()
			.collect(Collectors.toUnmodifiableMap((user) -> user, this::authorization));
	}

	/** {@code jwt} (production's sign-in) or {@code basic} (the local users). */
	static SignIn of(String kind) {
		return switch (kind) {
			case "jwt" -> new SignIn(true);
			case "basic" -> new SignIn(false);
			default -> throw new IllegalArgumentException("MATTERFLOW_BENCH_SIGN_IN is jwt or basic, not " + kind);
		};
	}

	/** What the report says of it. */
	String describe() {
		return (this.issuer != null)
				? "JWT (RS256, 2,048-bit key) from an issuer at " + issuerUri()
						+ ", checked by each side as in production (ADR 0019)"
				: "HTTP Basic as the local users (MATTERFLOW_BENCH_SIGN_IN=basic)";
	}

	/** The {@code Authorization} header of one of the harness's users. */
	String as(String user) {
		String authorization = this.authorizations.get(user);
		if (authorization == null) {
			throw new IllegalArgumentException("no benchmark user " + user);
		}
		return authorization;
	}

	/**
	 * The settings both sides need to accept these sign-ins, after the local profile's:
	 * production's mode, naming the run's issuer.
	 */
	List<String> settings() {
		if (this.issuer == null) {
			return List.of();
		}
		return List.of("--matterflow.security.mode=jwt",
				"--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuerUri());
	}

	/** Stops serving the issuer's documents; the sides that use them must be stopped. */
	@Override
	public synchronized void close() {
		if (this.issuer != null && !this.closed) {
			this.closed = true;
			this.issuer.stop(0);
		}
	}

	private String issuerUri() {
		return "http://127.0.0.1:" + this.issuer.getAddress().getPort();
	}

	private String authorization(String user) {
		if (this.key == null) {
			return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
		}
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuerUri())
			.subject(user)
			.claim("scope", SCOPES.get(user))
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(VALID_FOR)))
			.build();
		SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.key.getKeyID()).build(),
				claims);
		try {
			token.sign(new RSASSASigner(this.key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("could not sign the benchmark's token", ex);
		}
		return "Bearer " + token.serialize();
	}

	/**
	 * Serves what a resource server asks an OpenID provider for: its discovery document,
	 * which names the issuer and where its keys are, and the key set, with the public
	 * half of the run's key only.
	 */
	private static HttpServer serve(RSAKey key) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			String issuer = "http://127.0.0.1:" + server.getAddress().getPort();
			String discovery = "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/jwks\","
					+ "\"id_token_signing_alg_values_supported\":[\"RS256\"],\"subject_types_supported\":[\"public\"],"
					+ "\"response_types_supported\":[\"code\"]}";
			respond(server, "/.well-known/openid-configuration", discovery);
			respond(server, "/jwks", new JWKSet(key.toPublicJWK()).toString());
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not serve the benchmark issuer's keys", ex);
		}
	}

	private static void respond(HttpServer server, String path, String json) {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		server.createContext(path, (exchange) -> {
			try (exchange) {
				if (!exchange.getRequestURI().getPath().equals(path)) {
					exchange.sendResponseHeaders(404, -1);
					return;
				}
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
			}
		});
	}

	private static RSAKey rsaKey() {
		try {
			return new RSAKeyGenerator(2048).keyID("matterflow-benchmark")
				.algorithm(JWSAlgorithm.RS256)
				.keyUse(KeyUse.SIGNATURE)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("could not make the benchmark issuer's key", ex);
		}
	}

}
