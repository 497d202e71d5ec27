package org.matterflow.query.common;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.matterflow.query.testing.QueryIntegrationTest;
import org.matterflow.query.testing.Reader;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client that has the address or the method wrong is told: a problem with a code,
 * as every refusal of matterflow has, that says where to look instead.
 */
@QueryIntegrationTest
class UnknownAddressTest {

	@LocalServerPort
	int port;

	Reader reader;

	@BeforeEach
	void setUp() {
		this.reader = new Reader(this.port);
	}

	@Test
	void an_address_the_query_side_does_not_have_is_not_found_with_where_to_look() {
		Reader.Response response = this.reader.get("/api/decision");

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body().get("code").asText()).isEqualTo("UNKNOWN_PATH");
		assertThat(response.body().get("detail").asText()).isEqualTo("there is no address /api/decision; the record "
				+ "is changed on the command side, and this side's addresses are listed at /v3/api-docs");
	}

	@Test
	void a_command_sent_to_the_query_side_is_told_where_the_record_is_changed() {
		Reader.Response response = this.reader.post("/api/matters", "{\"title\":\"Strategin\"}");

		assertThat(response.status()).isEqualTo(405);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body().get("code").asText()).isEqualTo("INVALID_REQUEST");
		assertThat(response.body().get("detail").asText())
			.isEqualTo("this address takes GET, not POST; the record is changed on the command side");
		assertThat(this.reader.delete("/api/matters").body().get("detail").asText())
			.isEqualTo("this address takes GET, not DELETE");
	}

}
