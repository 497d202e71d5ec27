package org.matterflow.query.common;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.matterflow.kernel.InvalidValue;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses a query parameter that holds the character U+0000 ({@code ?body=%00}), or a
 * query that cannot be decoded, with 400. PostgreSQL's text cannot hold it, so a filter
 * that reaches a statement with it fails there, which would answer 500 for a client's
 * mistake. Thrown before the handler, the refusal goes through the advice like any other.
 */
@Configuration(proxyBeanMethods = false)
class PlainParameters implements WebMvcConfigurer, HandlerInterceptor {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		Map<String, String[]> parameters;
		try {
			parameters = request.getParameterMap();
		}
		catch (IllegalStateException ex) {
			// Tomcat's answer to a query it cannot decode (?body=%ZZ), thrown where the
			// parameters are first read: a server error otherwise
			throw new InvalidValue("query",
					"the query cannot be read: a '%' must begin a percent-encoded UTF-8 character");
		}
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			String name = parameter.getKey();
			for (String value : parameter.getValue()) {
				if (name.indexOf('\u0000') >= 0 || (value != null && value.indexOf('\u0000') >= 0)) {
					throw new InvalidValue(name.replace('\u0000', '\uFFFD'), "the parameter '"
							+ name.replace('\u0000', '\uFFFD') + "' must not hold the character U+0000");
				}
			}
		}
		return true;
	}

}
