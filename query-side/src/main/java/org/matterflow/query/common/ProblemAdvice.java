package org.matterflow.query.common;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.matterflow.kernel.ErrorCode;
import org.matterflow.kernel.ExpectedValue;
import org.matterflow.kernel.InvalidValue;
import org.matterflow.kernel.ProblemText;
import org.matterflow.kernel.Unreachable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Query refusals as RFC 9457 problems, with the same codes as the command side. */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

	private static final String OTHER_SIDE = "; the record is changed on the command side, and this side's addresses are listed at /v3/api-docs";

	@ExceptionHandler(NotFound.class)
	ResponseEntity<ProblemDetail> notFound(NotFound ex) {
		return respond(HttpStatus.NOT_FOUND, ErrorCode.UNKNOWN_ID, ex.getMessage(), null);
	}

	@ExceptionHandler(UnknownReference.class)
	ResponseEntity<ProblemDetail> unknownReference(UnknownReference ex) {
		return respond(HttpStatus.UNPROCESSABLE_CONTENT, ErrorCode.UNKNOWN_ID, ex.getMessage(), null);
	}

	@ExceptionHandler(Conflict.class)
	ResponseEntity<ProblemDetail> conflict(Conflict ex) {
		return respond(HttpStatus.CONFLICT, ErrorCode.DUPLICATE_ID, ex.getMessage(), null);
	}

	@ExceptionHandler(UnknownPosition.class)
	ResponseEntity<ProblemDetail> unknownPosition(UnknownPosition ex) {
		ResponseEntity<ProblemDetail> response = respond(HttpStatus.CONFLICT, ErrorCode.UNKNOWN_POSITION,
				ex.getMessage(), null);
		response.getBody().setProperty("newest", ex.newest());
		return response;
	}

	@ExceptionHandler(InvalidValue.class)
	ResponseEntity<ProblemDetail> invalid(InvalidValue ex) {
		return invalidParameter(ex.field(), ex.getMessage());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException ex) {
		String expected = ExpectedValue.of(ex.getRequiredType()).map((what) -> ": it must be " + what).orElse("");
		return invalidParameter(ex.getName(),
				"the parameter '" + ex.getName() + "' cannot be read from '" + ex.getValue() + "'" + expected);
	}

	/**
	 * A refusal of one parameter, named in {@code errors} as the command side names
	 * fields.
	 */
	private static ResponseEntity<ProblemDetail> invalidParameter(String name, String message) {
		ResponseEntity<ProblemDetail> response = respond(HttpStatus.BAD_REQUEST, ErrorCode.INVALID_REQUEST, message,
				null);
		if (name != null) {
			response.getBody().setProperty("errors", List.of(fieldError(name, message)));
		}
		return response;
	}

	@ExceptionHandler(ReadYourWrites.NotCaughtUp.class)
	ResponseEntity<ProblemDetail> notCaughtUp(ReadYourWrites.NotCaughtUp ex) {
		return respond(HttpStatus.SERVICE_UNAVAILABLE, null, ex.getMessage(), "1");
	}

	@ExceptionHandler(ReadModels.Upgrading.class)
	ResponseEntity<ProblemDetail> upgrading(ReadModels.Upgrading ex) {
		// a rebuild reads thousands of events a second: most stores are done within a
		// minute
		return respond(HttpStatus.SERVICE_UNAVAILABLE, null, ex.getMessage(), "5");
	}

	@ExceptionHandler(ReadModels.Starting.class)
	ResponseEntity<ProblemDetail> starting(ReadModels.Starting ex) {
		// the read models start within a second of the web server
		return respond(HttpStatus.SERVICE_UNAVAILABLE, null, ex.getMessage(), "1");
	}

	@ExceptionHandler(ReadModels.BuiltElsewhere.class)
	ResponseEntity<ProblemDetail> builtElsewhere(ReadModels.BuiltElsewhere ex) {
		return respond(HttpStatus.CONFLICT, null, ex.getMessage(), null);
	}

	@ExceptionHandler(ReadYourWrites.Parked.class)
	ResponseEntity<ProblemDetail> parked(ReadYourWrites.Parked ex) {
		// no Retry-After: waiting does not help, an operator has to act
		return respond(HttpStatus.SERVICE_UNAVAILABLE, null, ex.getMessage(), null);
	}

	/**
	 * A body that could not be read: the few requests that take one (a subscription, a
	 * calendar address) are told whether it was empty or not their JSON, with a code, as
	 * the command side tells commands. A value refused while the body was read names its
	 * field.
	 */
	/**
	 * An address this side does not have, most often a misspelt path or a request meant
	 * for the other side. Spring's own answer said "No static resource", which is not how
	 * a client thinks of an API, and carried no code.
	 */
	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return refused(headers, problem(HttpStatus.NOT_FOUND, ErrorCode.UNKNOWN_PATH,
				ProblemText.noAddress(path(request, ex)) + OTHER_SIDE));
	}

	/**
	 * A method the address does not take: the problem says which it takes, as Allow does.
	 */
	@Override
	protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Set<HttpMethod> allowed = ex.getSupportedHttpMethods();
		List<String> takes = (allowed != null) ? allowed.stream().map(HttpMethod::name).toList() : List.of();
		return refused(headers, problem(HttpStatus.METHOD_NOT_ALLOWED, ErrorCode.INVALID_REQUEST,
				ProblemText.methodNotTaken(takes, ex.getMethod())
						+ ((allowed != null && !allowed.contains(HttpMethod.POST) && "POST".equals(ex.getMethod()))
								? "; the record is changed on the command side" : "")));
	}

	/** A body of a type the address does not read. */
	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String sent = (ex.getContentType() != null) ? ex.getContentType().toString() : "no Content-Type";
		return refused(headers, problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ErrorCode.INVALID_REQUEST,
				ProblemText.typeNotRead(names(ex.getSupportedMediaTypes()), sent)));
	}

	/** An answer asked for in a type this address does not give. */
	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String asked = Objects.requireNonNullElse(request.getHeader(HttpHeaders.ACCEPT), "nothing");
		return refused(headers, problem(HttpStatus.NOT_ACCEPTABLE, ErrorCode.INVALID_REQUEST,
				ProblemText.typeNotGiven(names(ex.getSupportedMediaTypes()), asked)));
	}

	/**
	 * Whatever else Spring MVC refuses before a handler runs (a required parameter or
	 * header missing, say) carries a code too, as every problem of matterflow does.
	 */
	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		if (body instanceof ProblemDetail problem && statusCode.is4xxClientError()
				&& (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
			coded(problem, (statusCode.value() == 404) ? ErrorCode.UNKNOWN_PATH : ErrorCode.INVALID_REQUEST);
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	private static ResponseEntity<Object> refused(HttpHeaders headers, ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus())
			.headers(headers)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	private static String path(WebRequest request, NoResourceFoundException ex) {
		return (request instanceof ServletWebRequest servlet) ? servlet.getRequest().getRequestURI()
				: "/" + ex.getResourcePath();
	}

	private static List<String> names(List<MediaType> types) {
		return types.stream().map(MediaType::toString).toList();
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidValue invalid) {
				return ResponseEntity.badRequest().body(invalid(invalid).getBody());
			}
		}
		JsonProblemPath.Unreadable unreadable = JsonProblemPath.describe(ex);
		return ResponseEntity.badRequest().body(invalidParameter(unreadable.field(), unreadable.message()).getBody());
	}

	/**
	 * What no handler above expected. With the database out of reach nothing was read:
	 * 503 with {@code Retry-After}. Anything else is a failure of matterflow's own; the
	 * client learns no internals, only the incident under which the operators find the
	 * stack trace in the log.
	 */
	@ExceptionHandler(RuntimeException.class)
	ResponseEntity<ProblemDetail> unexpected(RuntimeException ex, HttpServletRequest request) {
		if (Unreachable.database(ex)) {
			log.warn("{} {} answered 503: the database cannot be reached ({})", request.getMethod(),
					request.getRequestURI(), ex.toString());
			return respond(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.DATABASE_UNAVAILABLE,
					"the database cannot be reached; ask again in a moment", "5");
		}
		String incident = UUID.randomUUID().toString();
		log.error("{} {} failed, incident {}", request.getMethod(), request.getRequestURI(), incident, ex);
		ResponseEntity<ProblemDetail> response = respond(HttpStatus.INTERNAL_SERVER_ERROR, ErrorCode.INTERNAL_ERROR,
				"matterflow failed on its own, not because of your request; the operators find it in the log as incident "
						+ incident,
				null);
		response.getBody().setProperty("incident", incident);
		return response;
	}

	private static ResponseEntity<ProblemDetail> respond(HttpStatus status, ErrorCode code, String detail,
			String retryAfter) {
		ProblemDetail problem;
		if (code != null) {
			problem = problem(status, code, detail);
		}
		else {
			problem = ProblemDetail.forStatusAndDetail(status, detail);
			problem.setTitle(status.getReasonPhrase());
		}
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (retryAfter != null) {
			response.header(HttpHeaders.RETRY_AFTER, retryAfter);
		}
		return response.body(problem);
	}

	/** A problem with matterflow's type, title and error code. */
	private static ProblemDetail problem(HttpStatus status, ErrorCode code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(status.getReasonPhrase());
		return coded(problem, code);
	}

	/** Matterflow's type and error code on a problem. */
	private static ProblemDetail coded(ProblemDetail problem, ErrorCode code) {
		problem.setType(URI.create(code.type()));
		problem.setProperty("code", code.name());
		return problem;
	}

	/** A field's error, its field named first as clients read it. */
	private static Map<String, String> fieldError(String field, String message) {
		Map<String, String> error = new LinkedHashMap<>();
		error.put("field", field);
		error.put("message", message);
		return error;
	}

}
