package org.matterflow.command.common;

import org.matterflow.kernel.InvalidValue;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Reads the optional recording headers into {@link CommandDispatcher.Headers} for every
 * controller.
 */
@Component
class RecordHeadersResolver implements HandlerMethodArgumentResolver {

	static final String EXPECTED_VERSION = "Expected-Version";

	static final String BUSINESS_DATE = "Business-Date";

	static final String CORRELATION_ID = "X-Correlation-Id";

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == CommandDispatcher.Headers.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest request, WebDataBinderFactory binderFactory) {
		return new CommandDispatcher.Headers(version(request.getHeader(EXPECTED_VERSION)),
				request.getHeader(BUSINESS_DATE), request.getHeader(CORRELATION_ID));
	}

	private static Long version(String header) {
		if (header == null || header.isBlank()) {
			return null;
		}
		long version;
		try {
			version = Long.parseLong(header.strip().replace("\"", ""));
		}
		catch (NumberFormatException ex) {
			version = -1;
		}
		// a version counts a record's events from 0: a negative one was never seen, and
		// would be refused as stale though the client's mistake is its header
		if (version < 0) {
			throw new InvalidValue(EXPECTED_VERSION,
					"the Expected-Version header must be the version number you last saw, 0 or more, but was '" + header
							+ "'");
		}
		return version;
	}

}
