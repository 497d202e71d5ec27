package org.matterflow.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemTextTest {

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void a_refused_request_reads_as_a_problem_with_the_code_of_a_malformed_one() throws Exception {
		JsonNode problem = this.json
			.readTree(ProblemText.of(400, "Bad Request", "the request cannot be read: its headers are too large"));

		assertThat(problem.get("type").asText()).isEqualTo("about:blank");
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(problem.get("title").asText()).isEqualTo("Bad Request");
		assertThat(problem.get("detail").asText()).isEqualTo("the request cannot be read: its headers are too large");
		assertThat(problem.get("code").asText()).isEqualTo("INVALID_REQUEST");
	}

	@Test
	void other_refusals_carry_no_code() throws Exception {
		JsonNode problem = this.json.readTree(ProblemText.of(401, "Unauthorized", "sign in to read matterflow"));

		assertThat(problem.get("status").asInt()).isEqualTo(401);
		assertThat(problem.has("code")).isFalse();
	}

}
