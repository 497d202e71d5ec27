package org.matterflow.command.infrastructure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.matterflow.command.CommandSideApplication;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.matterflow.command.testing.OwnDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production sign-in: a JWT from the region's identity provider. Recording needs the
 * {@code matterflow.record} scope, and the token's subject is who recorded the events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { CommandSideApplication.CONFIG_NAME, "matterflow.security.mode=jwt" })
@ContextConfiguration(initializers = OwnDatabase.class)
class JwtSecurityTest {

	static final KeyPair KEYS = rsaKeys();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	@Test
	void a_token_with_the_record_scope_records_in_the_name_of_its_subject() throws Exception {
		String body = "grupp-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> response = post(token("maria.lindborg", "matterflow.record"),
				"{\"bodyId\":\"" + body + "\",\"name\":\"Chefsgrupp\",\"kind\":\"MANAGEMENT_GROUP\"}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		String metaData = this.jdbc
			.sql("SELECT meta_data FROM events.domain_event_entry WHERE aggregate_identifier = ?")
			.param("body:" + body)
			.query(String.class)
			.single();
		assertThat(metaData).contains("\"recordedBy\":\"maria.lindborg\"");
	}

	@Test
	void a_token_sent_again_is_known_and_the_operators_metrics_count_it() throws Exception {
		String token = token("maria.lindborg", "matterflow.record");
		double before = this.meters.find("cache.gets")
			.tags("cache", "checked-tokens", "result", "hit")
			.functionCounter()
			.count();
		for (int i = 0; i < 3; i++) {
			HttpResponse<String> response = post(token,
					"{\"name\":\"Arbetsgrupp " + i + "\",\"kind\":\"WORKING_GROUP\"}");
			assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		}

		assertThat(this.meters.find("cache.gets")
			.tags("cache", "checked-tokens", "result", "hit")
			.functionCounter()
			.count()).isEqualTo(before + 2);
	}

	@Test
	void a_token_without_the_record_scope_may_not_record() throws Exception {
		HttpResponse<String> response = post(token("auditor", "matterflow.read"),
				"{\"name\":\"Chefsgrupp\",\"kind\":\"MANAGEMENT_GROUP\"}");
		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void a_token_signed_by_someone_else_is_refused() throws Exception {
		KeyPair stranger = rsaKeys();
		HttpResponse<String> response = post(token("maria.lindborg", "matterflow.record", stranger),
				"{\"name\":\"Chefsgrupp\",\"kind\":\"MANAGEMENT_GROUP\"}");
		assertThat(response.statusCode()).isEqualTo(401);
		// the one scheme this mode takes, in a form every HTTP client can parse
		assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Bearer realm=\"matterflow\"");
	}

	private HttpResponse<String> post(String token, String json) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/bodies"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String token(String subject, String scope) throws Exception {
		return token(subject, scope, KEYS);
	}

	private static String token(String subject, String scope, KeyPair keys) throws Exception {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject)
			.claim("scope", scope)
			.issueTime(new Date())
			.expirationTime(Date.from(Instant.now().plusSeconds(300)))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
		jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
		return jwt.serialize();
	}

	private static KeyPair rsaKeys() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@TestConfiguration
	static class TrustedIssuer {

		@Bean
		JwtDecoder jwtDecoder() {
			return NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
		}

	}

}
