package org.matterflow.kernel;

import java.util.List;

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

	@Test
	void a_refusal_of_a_type_names_the_concrete_types_without_parameters_or_wildcards() {
		assertThat(ProblemText.typeNotRead(
				List.of("application/json", "application/*+json", "application/yaml", "text/csv;charset=UTF-8"),
				"text/plain"))
			.isEqualTo("this address reads application/json, application/yaml or text/csv, not text/plain");
		assertThat(ProblemText.typeNotGiven(List.of("application/json", "application/*+json"), "application/xml"))
			.isEqualTo("this address answers in application/json, not application/xml");
		assertThat(ProblemText.typeNotGiven(List.of("*/*"), "text/html"))
			.isEqualTo("this address answers in no type, not text/html");
	}

	@Test
	void a_refusal_of_a_method_names_the_methods_the_address_takes() {
		assertThat(ProblemText.methodNotTaken(List.of("POST", "GET"), "PUT"))
			.isEqualTo("this address takes GET or POST, not PUT");
		assertThat(ProblemText.methodNotTaken(List.of(), "GET")).isEqualTo("this address takes no method, not GET");
		assertThat(ProblemText.noAddress("/api/nothing")).isEqualTo("there is no address /api/nothing");
	}

	@Test
	void a_misspelt_field_is_named_beside_the_fields_the_request_has_in_order() {
		assertThat(ProblemText.unknownField("titel", List.of("title", "date", "bodyId")))
			.isEqualTo("the field 'titel' is not part of this request; its fields are bodyId, date, title");
		assertThat(ProblemText.unknownField("x", List.of())).isEqualTo("the field 'x' is not part of this request");
	}

	@Test
	void a_field_of_the_wrong_type_says_what_it_must_be_when_that_is_known() {
		assertThat(ProblemText.unreadableField("after", java.util.Optional.of("a whole number")))
			.isEqualTo("the field 'after' has a value that cannot be read: it must be a whole number");
		assertThat(ProblemText.unreadableField("kind", java.util.Optional.empty()))
			.isEqualTo("the field 'kind' has a value that cannot be read");
	}

	@Test
	void a_field_is_named_by_its_steps_with_indexes_in_brackets() {
		assertThat(ProblemText.fieldPath(List.of("documents", 0, "uri"))).isEqualTo("documents[0].uri");
		assertThat(ProblemText.fieldPath(List.of("assignees", 1, "name"))).isEqualTo("assignees[1].name");
		assertThat(ProblemText.fieldPath(List.of("title"))).isEqualTo("title");
		assertThat(ProblemText.fieldPath(List.of(2))).isEqualTo("[2]");
	}

	@Test
	void a_codes_problem_type_is_its_name_in_lower_case_with_hyphens() {
		assertThat(ErrorCode.UNKNOWN_PATH.type()).isEqualTo("https://matterflow.example/problems/unknown-path");
		assertThat(ErrorCode.INVALID_REQUEST.type()).isEqualTo("https://matterflow.example/problems/invalid-request");
	}

}
