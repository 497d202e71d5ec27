package org.matterflow.query.common;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
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
 * naming those it takes, and one given twice that takes one value
 * ({@code ?body=a&body=b}). Ignored, a misspelt filter answers the whole register as if
 * it were the filtered one, and an auditor has no way to tell; a command's misspelt field
 * is refused for the same reason. Only the API's own queries are checked: the calendar
 * file a calendar program reads by its secret address takes any parameter it adds.
 */
@Configuration(proxyBeanMethods = false)
class KnownParameters implements WebMvcConfigurer, HandlerInterceptor {

	private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

	private final String formatParameter;

	/**
	 * Per handler, the names it takes, each with whether it takes several values; empty
	 * for one that takes any.
	 */
	private final Map<Method, Optional<SortedMap<String, Boolean>>> taken = new ConcurrentHashMap<>();

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
		Optional<SortedMap<String, Boolean>> takes = this.taken.computeIfAbsent(method.getMethod(),
				(key) -> takenBy(method));
		if (takes.isEmpty()) {
			return true;
		}
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			String name = parameter.getKey();
			String[] values = parameter.getValue();
			Boolean several = takes.get().get(name);
			if (several == null && !name.equals(this.formatParameter) && !blank(values)) {
				throw new InvalidValue(name,
						"the parameter '" + name + "' is not part of this query"
								+ (takes.get().isEmpty() ? ", which takes none"
										: "; its parameters are " + String.join(", ", takes.get().keySet())));
			}
			// Spring would join the values with commas into one that matches nothing, and
			// an empty list reads as a fact
			long given = Arrays.stream(values).filter((value) -> !isBlank(value)).count();
			if (Boolean.FALSE.equals(several) && given > 1) {
				throw new InvalidValue(name,
						"the parameter '" + name + "' is given " + given + " times; this query takes one " + name);
			}
		}
		return true;
	}

	/**
	 * Sent empty, as a form that serves several lists sends the fields one of them lacks,
	 * a parameter counts as not sent (BlankParameters), here too.
	 */
	private static boolean blank(String[] values) {
		return Arrays.stream(values).allMatch(KnownParameters::isBlank);
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	private static Optional<SortedMap<String, Boolean>> takenBy(HandlerMethod method) {
		SortedMap<String, Boolean> names = new TreeMap<>();
		for (MethodParameter parameter : method.getMethodParameters()) {
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			if (param == null) {
				continue;
			}
			if (Map.class.isAssignableFrom(parameter.getParameterType())) {
				return Optional.empty();
			}
			parameter.initParameterNameDiscovery(NAMES);
			Class<?> type = parameter.getParameterType();
			names.put(StringUtils.hasText(param.name()) ? param.name() : parameter.getParameterName(),
					type.isArray() || Collection.class.isAssignableFrom(type));
		}
		return Optional.of(names);
	}

}
