package org.matterflow.query.common;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.matterflow.kernel.InvalidValue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses a parameter the query does not take ({@code /api/decisions?bdy=…}) with 400,
 * naming those it takes. Ignored, a misspelt filter answers the whole register as if it
 * were the filtered one, and an auditor has no way to tell; a command's misspelt field is
 * refused for the same reason. Only the API's own queries are checked: the calendar file
 * a calendar program reads by its secret address takes any parameter it adds.
 */
@Configuration(proxyBeanMethods = false)
class KnownParameters implements WebMvcConfigurer, HandlerInterceptor {

	private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

	private final String formatParameter;

	/** Per handler, the names it takes; empty for one that takes any. */
	private final Map<Method, Optional<Set<String>>> taken = new ConcurrentHashMap<>();

	KnownParameters(@Value("${spring.mvc.contentnegotiation.parameter-name:format}") String formatParameter) {
		this.formatParameter = formatParameter;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		// after PlainParameters, which refuses a query it cannot decode or a name that
		// holds U+0000 before any name is read here
		registry.addInterceptor(this).addPathPatterns("/api/**").order(1);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method)
				|| !method.getBeanType().getPackageName().startsWith("org.matterflow.")) {
			return true;
		}
		Optional<Set<String>> takes = this.taken.computeIfAbsent(method.getMethod(), (key) -> takenBy(method));
		if (takes.isEmpty()) {
			return true;
		}
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			String name = parameter.getKey();
			if (!takes.get().contains(name) && !name.equals(this.formatParameter) && !blank(parameter.getValue())) {
				throw new InvalidValue(name,
						"the parameter '" + name + "' is not part of this query" + (takes.get().isEmpty()
								? ", which takes none" : "; its parameters are " + String.join(", ", takes.get())));
			}
		}
		return true;
	}

	/**
	 * Sent empty, as a form that serves several lists sends the fields one of them lacks,
	 * a parameter counts as not sent (BlankParameters), here too.
	 */
	private static boolean blank(String[] values) {
		return Arrays.stream(values).allMatch((value) -> value == null || value.isBlank());
	}

	private static Optional<Set<String>> takenBy(HandlerMethod method) {
		Set<String> names = new TreeSet<>();
		for (MethodParameter parameter : method.getMethodParameters()) {
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			if (param == null) {
				continue;
			}
			if (Map.class.isAssignableFrom(parameter.getParameterType())) {
				return Optional.empty();
			}
			parameter.initParameterNameDiscovery(NAMES);
			names.add(StringUtils.hasText(param.name()) ? param.name() : parameter.getParameterName());
		}
		return Optional.of(names);
	}

}
