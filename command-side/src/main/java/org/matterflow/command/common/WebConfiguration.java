package org.matterflow.command.common;

import java.util.List;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets controllers take the recording headers as one parameter, and reads commands as
 * JSON only.
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
