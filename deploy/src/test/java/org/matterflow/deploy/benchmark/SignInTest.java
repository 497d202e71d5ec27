package org.matterflow.deploy.benchmark;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.matterflow.deploy.BothSides;
import org.matterflow.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The benchmark's clients sign in as production's do: both sides, started with the
 * settings the harness gives them, find the run's issuer by its address, accept its
 * tokens with the scopes each user holds, and refuse tokens another issuer signed.
 */
class SignInTest {

	static final SignIn TOKENS = SignIn.of("jwt");

	/** Where calendar programs reach the query side, as production names it. */
	static final String PUBLIC_URL = "https://matterflow.example";

	static BothSides sides;

	static Http http;

	@BeforeAll
	static void start() {
		TestDatabase.Connection database = TestDatabase.create("signin");
		List<String> settings = new ArrayList<>(TOKENS.settings());
		settings.add("--matterflow.public-url=" + PUBLIC_URL + "/");
		sides = BothSides.start(database.url(), database.username(), database.password(), 0, 0,
				settings.toArray(String[]::new));
		http = new Http(4);
	}

	@AfterAll
	static void stop() throws Exception {
		if (http != null) {
			http.close();
		}
		if (sides != null) {
			sides.close();
		}
		TOKENS.close();
	}

	@Test
	void the_secretarys_token_records_in_the_secretarys_name_and_the_auditors_reads_it() throws Exception {
		String body = "grupp-" + UUID.randomUUID().toString().substring(0, 8);
		Http.Answer recorded = http.post(sides.commandSideAt("/api/bodies"), TOKENS.as("secretary"),
				"{\"bodyId\":\"" + body + "\",\"name\":\"Chefsgrupp\",\"kind\":\"MANAGEMENT_GROUP\"}");
		assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
		String position = recorded.body().replaceAll("(?s).*\"position\"\\s*:\\s*(\\d+).*", "$1");

		Http.Answer read = http.get(sides.querySideAt("/api/bodies/" + body + "/agenda?position=" + position),
				TOKENS.as("auditor"));
		assertThat(read.status()).as(read.body()).isEqualTo(200);
		assertThat(read.body()).contains(body);
	}

	@Test
	void a_calendar_address_made_with_a_token_is_read_without_one() throws Exception {
		Http.Answer made = http.post(sides.querySideAt("/api/calendar-addresses"), TOKENS.as("auditor"), "{}");
		assertThat(made.status()).as(made.body()).isEqualTo(201);
		String path = made.body().replaceAll("(?s).*\"path\"\\s*:\\s*\"([^\"]+)\".*", "$1");
		assertThat(made.body()).as("the url names the public address, without a doubled slash")
			.contains("\"url\":\"" + PUBLIC_URL + path + "\"");

		java.net.http.HttpResponse<String> calendar = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(sides.querySideAt(path)).GET().build(),
					java.net.http.HttpResponse.BodyHandlers.ofString());

		assertThat(calendar.statusCode()).as(path).isEqualTo(200);
		assertThat(calendar.body()).startsWith("BEGIN:VCALENDAR");
		assertThat(http.get(sides.querySideAt("/api/calendar.ics"), "Bearer not-a-token").status())
			.as("the signed-in calendar still needs a valid token")
			.isEqualTo(401);
	}

	@Test
	void the_auditors_token_may_read_but_not_record_nor_rebuild() throws Exception {
		Http.Answer recorded = http.post(sides.commandSideAt("/api/bodies"), TOKENS.as("auditor"),
				"{\"bodyId\":\"grupp\",\"name\":\"Chefsgrupp\",\"kind\":\"MANAGEMENT_GROUP\"}");
		assertThat(recorded.status()).isEqualTo(403);
		assertThat(http.get(sides.querySideAt("/actuator/readmodels"), TOKENS.as("auditor")).status()).isEqualTo(403);
	}

	@Test
	void the_operators_token_reads_the_read_models_state() throws Exception {
		Http.Answer state = http.get(sides.querySideAt("/actuator/readmodels"), TOKENS.as("operator"));
		assertThat(state.status()).as(state.body()).isEqualTo(200);
		assertThat(state.body()).contains("\"readModel\"");
	}

	@Test
	void a_token_another_issuer_signed_is_refused_by_both_sides() throws Exception {
		try (SignIn stranger = SignIn.of("jwt")) {
			URI command = sides.commandSideAt("/api/bodies");
			assertThat(http.post(command, stranger.as("secretary"), "{\"bodyId\":\"x\"}").status()).isEqualTo(401);
			assertThat(http.get(sides.querySideAt("/api/bodies/x/agenda"), stranger.as("auditor")).status())
				.isEqualTo(401);
		}
	}

	@Test
	void a_token_that_names_the_runs_issuer_but_another_key_signed_is_refused() throws Exception {
		JWTClaimsSet genuine = SignedJWT.parse(TOKENS.as("secretary").substring("Bearer ".length())).getJWTClaimsSet();
		RSAKey forger = new RSAKeyGenerator(2048).keyID("matterflow-benchmark").generate();
		SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(forger.getKeyID()).build(),
				genuine);
		forged.sign(new RSASSASigner(forger));
		Http.Answer answer = http.post(sides.commandSideAt("/api/bodies"), "Bearer " + forged.serialize(),
				"{\"bodyId\":\"x\",\"name\":\"Chefsgrupp\",\"kind\":\"MANAGEMENT_GROUP\"}");
		assertThat(answer.status()).isEqualTo(401);
	}

	@Test
	void basic_sign_in_is_the_local_users_and_needs_no_settings() {
		SignIn basic = SignIn.of("basic");
		assertThat(basic.as("secretary")).isEqualTo("Basic c2VjcmV0YXJ5OnNlY3JldGFyeQ==");
		assertThat(basic.settings()).isEmpty();
	}

	@Test
	void an_unknown_kind_of_sign_in_or_user_is_refused() {
		assertThatIllegalArgumentException().isThrownBy(() -> SignIn.of("saml")).withMessageContaining("jwt or basic");
		assertThatIllegalArgumentException().isThrownBy(() -> TOKENS.as("mayor"));
	}

}
