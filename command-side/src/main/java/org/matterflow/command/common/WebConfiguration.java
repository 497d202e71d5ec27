package org.matterflow.command.common;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.matterflow.kernel.InvalidValue;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets controllers take the recording headers as one parameter, and reads commands from
 * their JSON body only.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

	private final RecordHeadersResolver headers;

	WebConfiguration(RecordHeadersResolver headers) {
		this.headers = headers;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this.headers);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new FieldsInTheBody()).addPathPatterns("/api/**");
	}

	/**
	 * A command takes its fields from its JSON body only. One sent in the query instead
	 * ({@code /reschedule?reason=…}) was dropped without a word, as a misspelt field
	 * would be, so it is refused the same way.
	 */
	private static final class FieldsInTheBody implements HandlerInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			String query = request.getQueryString();
			if (query != null && !query.isEmpty()) {
				String name = query.split("[&=]", 2)[0];
				try {
					name = URLDecoder.decode(name, StandardCharsets.UTF_8).replace('\u0000', '\uFFFD');
				}
				catch (IllegalArgumentException ex) {
					// a name that is not percent-encoded text (%ZZ) is named as it came
				}
				throw new InvalidValue(name, "the parameter '" + name
						+ "' is not part of this command; a command's fields are sent in its JSON body");
			}
			return true;
		}

	}

	/**
	 * Spring MVC reads YAML into a command whenever a YAML library is on the class path
	 * (the API documentation brings one), through a mapper of its own: one that drops a
	 * misspelt field instead of refusing it, and whose mistakes none of the refusals
	 * name. A meeting record is YAML, but the import reads it as text with its own
	 * parser; every other command is JSON.
	 */
	@Bean
	ServerHttpMessageConvertersCustomizer commandsReadAsJsonOnly() {
		return (builder) -> builder
			.configureMessageConvertersList((converters) -> converters.removeIf(WebConfiguration::readsYaml));
	}

	private static boolean readsYaml(HttpMessageConverter<?> converter) {
		return converter.getSupportedMediaTypes().stream().anyMatch((type) -> type.getSubtype().endsWith("yaml"));
	}

}
