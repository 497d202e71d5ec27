package org.matterflow.operations;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.matterflow.operations.PromQl.LabelMatcher;
import org.matterflow.operations.PromQl.Selector;

import static org.assertj.core.api.Assertions.assertThat;

class PromQlTest {

	@Test
	void the_series_of_a_ratio_are_found_with_their_matchers_and_without_functions_or_keywords() {
		String expression = """
				sum by (application) (rate(http_server_requests_seconds_count{status=~"5..", uri!~"/actuator.*"}[5m]))
				/ sum by (application) (rate(http_server_requests_seconds_count{uri!~"/actuator.*"}[$__rate_interval]))
				> 0.01 and on (application) process_uptime_seconds unless absent(up)
				""";

		assertThat(PromQl.selectors(expression))
			.containsExactly(
					new Selector("http_server_requests_seconds_count",
							List.of(new LabelMatcher("status", "=~", "5.."),
									new LabelMatcher("uri", "!~", "/actuator.*"))),
					new Selector("http_server_requests_seconds_count",
							List.of(new LabelMatcher("uri", "!~", "/actuator.*"))),
					new Selector("process_uptime_seconds", List.of()), new Selector("up", List.of()));
		assertThat(PromQl.groupingLabels(expression)).containsExactly("application");
	}

	@Test
	void a_quantile_reads_its_buckets_and_groups_by_their_bounds() {
		String expression = "histogram_quantile(0.99, sum by (le, uri) (rate(http_server_requests_seconds_bucket"
				+ "{application=\"matterflow-query-side\", method=\"GET\"}[10m]))) > 1e3";

		assertThat(PromQl.selectors(expression)).containsExactly(new Selector("http_server_requests_seconds_bucket",
				List.of(new LabelMatcher("application", "=", "matterflow-query-side"),
						new LabelMatcher("method", "=", "GET"))));
		assertThat(PromQl.groupingLabels(expression)).containsExactly("le", "uri");
	}

}
