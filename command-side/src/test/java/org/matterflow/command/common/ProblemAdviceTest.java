package org.matterflow.command.common;

import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ProblemAdviceTest {

	private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/meetings");

	@Test
	void a_failure_of_its_own_is_a_problem_with_an_incident_the_log_names_and_no_internals(CapturedOutput output) {
		ResponseEntity<ProblemDetail> answer = new ProblemAdvice()
			.unexpected(new IllegalStateException("secret internals"), this.request);

		assertThat(answer.getStatusCode().value()).isEqualTo(500);
		assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		ProblemDetail problem = answer.getBody();
		assertThat(problem.getProperties()).containsEntry("code", "INTERNAL_ERROR");
		String incident = String.valueOf(problem.getProperties().get("incident"));
		assertThat(problem.getDetail()).contains(incident).doesNotContain("secret internals");
		assertThat(output).contains("POST /api/meetings failed, incident " + incident)
			.contains("java.lang.IllegalStateException: secret internals");
	}

	@Test
	void a_database_out_of_reach_asks_to_send_the_request_again_later() {
		ResponseEntity<ProblemDetail> answer = new ProblemAdvice()
			.unexpected(new CannotCreateTransactionException("Could not open JDBC Connection",
					new SQLTransientConnectionException("Connection is not available")), this.request);

		assertThat(answer.getStatusCode().value()).isEqualTo(503);
		assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
		assertThat(answer.getBody().getProperties()).containsEntry("code", "DATABASE_UNAVAILABLE");
		assertThat(answer.getBody().getDetail()).contains("nothing of your request was recorded");
	}

}
