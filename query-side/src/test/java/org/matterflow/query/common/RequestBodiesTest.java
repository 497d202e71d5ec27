package org.matterflow.query.common;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.matterflow.query.testing.QueryIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query side answers in YAML too, so Spring MVC would also read YAML into a request
 * body, with a mapper that drops a misspelt field; every address that takes a body says
 * it reads JSON only.
 */
@QueryIntegrationTest
class RequestBodiesTest {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void every_address_that_takes_a_body_reads_json_only() {
		Map<RequestMappingInfo, HandlerMethod> withBody = this.mappings.getHandlerMethods()
			.entrySet()
			.stream()
			.filter((entry) -> Arrays.stream(entry.getValue().getMethodParameters())
				.anyMatch((parameter) -> parameter.hasParameterAnnotation(RequestBody.class)))
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

		assertThat(withBody).isNotEmpty();
		withBody.forEach((mapping, handler) -> assertThat(mapping.getConsumesCondition().getConsumableMediaTypes())
			.as(handler.toString())
			.containsExactly(MediaType.APPLICATION_JSON));
	}

}
