package org.matterflow.command.infrastructure;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.matterflow.kernel.ProblemText;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;

/**
 * What Tomcat refuses before matterflow sees the request (a '%' not followed by two hex
 * digits or an encoded '/' in the path) is answered as a problem, as every other refusal
 * is, instead of Tomcat's HTML page. Errors matterflow answered itself have their body
 * already and are left as they are. Headers larger than the connector takes
 * ({@code server.max-http-request-header-size}, 8 KB) are refused here too.
 */
final class ProblemReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		// as Tomcat's own report: only an error without a body, once, while the
		// connection can still be written
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean writable = new AtomicBoolean(false);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
		if (!writable.get()) {
			return;
		}
		HttpStatus known = HttpStatus.resolve(status);
		String title = (known != null) ? known.getReasonPhrase() : "Error";
		String problem = ProblemText.of(status, title,
				(status == 400)
						? "the request cannot be read: its address or its headers are malformed or too large (a '%' "
								+ "must begin a percent-encoded character, a '/' may not be encoded, and the headers "
								+ "may take 8 KB)"
						: "the server refused the request before reading it");
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(problem);
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the response was taken: nothing more to say
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		/**
		 * Last of the customizers: Spring Boot's adds Tomcat's own report valve to the
		 * host, which this one replaces.
		 */
		@Bean
		@Order(Ordered.LOWEST_PRECEDENCE)
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReports() {
			return (factory) -> factory.addContextCustomizers((context) -> {
				org.apache.catalina.Container host = context.getParent();
				for (Valve valve : host.getPipeline().getValves()) {
					if (valve instanceof ErrorReportValve) {
						host.getPipeline().removeValve(valve);
					}
				}
				if (host instanceof org.apache.catalina.core.StandardHost standard) {
					standard.setErrorReportValveClass(ProblemReportValve.class.getName());
				}
				host.getPipeline().addValve(new ProblemReportValve());
			});
		}

	}

}
