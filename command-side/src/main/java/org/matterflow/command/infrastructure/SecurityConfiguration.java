package org.matterflow.command.infrastructure;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import org.matterflow.kernel.ProblemText;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Every request is authenticated. In production the command side is an OAuth2 resource
 * server that accepts JWTs from the region's identity provider
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}); with
 * {@code matterflow.security.mode=local} it accepts HTTP Basic for the users configured
 * under {@code matterflow.security.users}, for local runs and tests only. Recording needs
 * the {@code RECORDER} role (or the {@code matterflow.record} scope of a token).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityConfiguration.SecurityProperties.class)
public class SecurityConfiguration {

	static final String[] OPEN = { "/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/v3/api-docs/**",
			"/swagger-ui/**", "/swagger-ui.html" };

	@ConfigurationProperties("matterflow.security")
	public record SecurityProperties(String mode, List<LocalUser> users, TokenCache tokenCache) {

		public SecurityProperties {
			mode = (mode != null) ? mode : "jwt";
			users = (users != null) ? users : List.of();
			tokenCache = (tokenCache != null) ? tokenCache : new TokenCache(null, null);
		}

		public boolean local() {
			return "local".equalsIgnoreCase(this.mode);
		}

	}

	/**
	 * A user of the local mode; the password may carry a {@code {bcrypt}} or
	 * {@code {noop}} prefix.
	 */
	public record LocalUser(String name, String password, List<String> roles) {
	}

	/**
	 * How many checked tokens are remembered, and for how long at most (ADR 0019). A size
	 * of 0 checks every request's token.
	 */
	public record TokenCache(Long size, Duration lifetime) {

		public TokenCache {
			size = (size != null) ? size : 1_000L;
			lifetime = (lifetime != null) ? lifetime : Duration.ofMinutes(1);
		}

	}

	@Bean
	SecurityFilterChain api(HttpSecurity http, SecurityProperties properties, ObjectProvider<JwtDecoder> decoders,
			ObjectProvider<MeterRegistry> registries) throws Exception {
		http.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> requests.requestMatchers(OPEN)
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/**")
				.hasAnyAuthority("ROLE_RECORDER", "SCOPE_matterflow.record")
				.anyRequest()
				.authenticated())
			.exceptionHandling((handling) -> handling.authenticationEntryPoint(unauthorized(properties))
				.accessDeniedHandler(forbidden()));
		if (properties.local()) {
			http.httpBasic((basic) -> basic.authenticationEntryPoint(unauthorized(properties)));
		}
		else {
			JwtDecoder decoder = CachingJwtDecoder.of(decoders.getObject(), properties.tokenCache().size(),
					properties.tokenCache().lifetime(), Clock.systemUTC(), Ticker.systemTicker());
			if (decoder instanceof CachingJwtDecoder cache) {
				registries.ifAvailable(cache::bindTo);
			}
			http.oauth2ResourceServer((server) -> server.jwt((jwt) -> jwt.decoder(decoder))
				.authenticationEntryPoint(unauthorized(properties)));
		}
		return http.build();
	}

	@Bean
	@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "matterflow.security.mode",
			havingValue = "local")
	org.springframework.security.core.userdetails.UserDetailsService localUsers(SecurityProperties properties) {
		List<UserDetails> users = new ArrayList<>();
		for (LocalUser user : properties.users()) {
			users.add(User.withUsername(user.name())
				.password(user.password().startsWith("{") ? user.password() : "{noop}" + user.password())
				.roles(user.roles().toArray(String[]::new))
				.build());
		}
		InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager(users);
		// Only the lookup, not the manager itself: given a UserDetailsPasswordService,
		// Spring Security "upgrades" a {noop} password to bcrypt after the first sign-in,
		// and every request after that spends some 70 ms of CPU checking it.
		return manager::loadUserByUsername;
	}

	/**
	 * 401 with the one way of signing in this mode takes, in the challenge's standard
	 * form: production's bearer tokens, or the local users' HTTP Basic.
	 */
	private static AuthenticationEntryPoint unauthorized(SecurityProperties properties) {
		String challenge = properties.local() ? "Basic realm=\"matterflow\"" : "Bearer realm=\"matterflow\"";
		return (request, response, ex) -> {
			response.setHeader("WWW-Authenticate", challenge);
			problem(response, HttpStatus.UNAUTHORIZED, "sign in to record in matterflow");
		};
	}

	private static AccessDeniedHandler forbidden() {
		return (request, response, ex) -> problem(response, HttpStatus.FORBIDDEN,
				"you may read the record but not change it");
	}

	/**
	 * An address Spring Security's firewall refuses (a ';', '..', '//', an encoded '%')
	 * as a problem with 400. Without it the refusal went to the error page, which is not
	 * open, and a signed-in client was told to sign in (401).
	 */
	@Bean
	RequestRejectedHandler rejectedAddress() {
		return (request, response, ex) -> problem(response, HttpStatus.BAD_REQUEST,
				"matterflow does not answer this address: it holds what no path of it holds, such as ';', '//' or '..'");
	}

	private static void problem(jakarta.servlet.http.HttpServletResponse response, HttpStatus status, String detail)
			throws java.io.IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(ProblemText.of(status.value(), status.getReasonPhrase(), detail));
	}

}
