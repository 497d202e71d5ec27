package org.matterflow.deploy.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * How the harness's clients sign in. By default as in production: each request carries a
 * JWT, which the sides check against the public key of an issuer the harness plays for
 * the run (an RSA key pair of 2,048 bits made at the start, RS256 as identity providers
 * sign by default), so that every request pays for its signature check as it would in
 * production. With {@code MATTERFLOW_BENCH_SIGN_IN=basic} the clients sign in with HTTP
 * Basic as the local users instead, as every run up to the thirty-second did.
 */
final class SignIn {

	/**
	 * The scopes each of the harness's users holds, as the region's issuer grants them.
	 */
	private static final Map<String, String> SCOPES = Map.of("secretary", "matterflow.record", "auditor",
			"matterflow.read", "operator", "matterflow.operate");

	/** Longer than any run: a token that expires mid-run would fail its phase. */
	private static final Duration VALID_FOR = Duration.ofHours(12);

	private final boolean jwt;

	private final KeyPair keys;

	private final Map<String, String> authorizations;

	private Path publicKey;

	private SignIn(boolean jwt) {
		this.jwt = jwt;
		this.keys = jwt ? rsaKeys() : null;
		this.authorizations = Map.of("secretary", authorization("secretary"), "auditor", authorization("auditor"),
				"operator", authorization("operator"));
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
		return this.jwt ? "JWT (RS256, 2,048-bit key), checked on every request as in production"
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
	 * production's mode, trusting the run's issuer key.
	 */
	synchronized List<String> settings() {
		if (!this.jwt) {
			return List.of();
		}
		if (this.publicKey == null) {
			this.publicKey = writePublicKey();
		}
		return List.of("--matterflow.security.mode=jwt",
				"--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + this.publicKey);
	}

	private String authorization(String user) {
		if (!this.jwt) {
			return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
		}
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("https://login.benchmark.matterflow.invalid")
			.subject(user)
			.claim("scope", SCOPES.get(user))
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(VALID_FOR)))
			.build();
		SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
		try {
			token.sign(new RSASSASigner((RSAPrivateKey) this.keys.getPrivate()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("could not sign the benchmark's token", ex);
		}
		return "Bearer " + token.serialize();
	}

	private Path writePublicKey() {
		String pem = "-----BEGIN PUBLIC KEY-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
					.encodeToString(this.keys.getPublic().getEncoded())
				+ "\n-----END PUBLIC KEY-----\n";
		try {
			Path file = Files.createTempFile("matterflow-benchmark-issuer", ".pem");
			file.toFile().deleteOnExit();
			Files.writeString(file, pem, StandardCharsets.US_ASCII);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not write the benchmark issuer's public key", ex);
		}
	}

	private static KeyPair rsaKeys() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
