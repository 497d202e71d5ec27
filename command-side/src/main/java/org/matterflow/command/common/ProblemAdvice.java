package org.matterflow.command.common;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.matterflow.kernel.ErrorCode;
import org.matterflow.kernel.InvalidValue;
import org.matterflow.kernel.ProblemText;
import org.matterflow.kernel.Unreachable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where refusals become RFC 9457 problems: 400 for a request of the wrong
 * shape, 404 for an unknown target, 409 for a rule broken, a duplicate or a stale
 * version, 422 for a request that names something that does not exist or lacks a reason.
 * Each problem carries the error code from the kernel and a message meant for the
 * secretary who made the request.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

	private static final String OTHER_SIDE = "; the record is read on the query side, and this side's addresses are listed at /v3/api-docs";

	@ExceptionHandler(InvalidValue.class)
	ResponseEntity<ProblemDetail> invalid(InvalidValue ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ErrorCode.INVALID_REQUEST, ex.getMessage());
		problem.setProperty("errors", List.of(fieldError(ex.field(), ex.getMessage())));
		return respond(problem);
	}

	@ExceptionHandler(RuleViolation.class)
	ResponseEntity<ProblemDetail> ruleBroken(RuleViolation ex) {
		return respond(problem(statusOf(ex.code()), ex.code(), ex.getMessage()));
	}

	@ExceptionHandler(AggregateNotFoundException.class)
	ResponseEntity<ProblemDetail> unknown(AggregateNotFoundException ex) {
		String stream = String.valueOf(ex.getAggregateIdentifier());
		int colon = stream.indexOf(':');
		String message = (colon > 0)
				? "there is no " + stream.substring(0, colon) + " with id '" + stream.substring(colon + 1) + "'"
				: "there is nothing with id '" + stream + "'";
		return respond(problem(HttpStatus.NOT_FOUND, ErrorCode.UNKNOWN_ID, message));
	}

	@ExceptionHandler(ConflictingAggregateVersionException.class)
	ResponseEntity<ProblemDetail> stale(ConflictingAggregateVersionException ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, ErrorCode.STALE_VERSION,
				"this was changed by someone else since you read it (you saw version " + ex.getExpectedVersion()
						+ ", it is now at version " + ex.getActualVersion() + "); read it again and retry");
		problem.setProperty("currentVersion", ex.getActualVersion());
		return respond(problem);
	}

	@ExceptionHandler(ConcurrencyException.class)
	ResponseEntity<ProblemDetail> concurrent(ConcurrencyException ex) {
		return respond(problem(HttpStatus.CONFLICT, ErrorCode.STALE_VERSION,
				"someone else changed this at the same moment; nothing of your request was recorded, retry it"));
	}

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
		return refused(headers,
				problem(HttpStatus.METHOD_NOT_ALLOWED, ErrorCode.INVALID_REQUEST,
						ProblemText.methodNotTaken(takes, ex.getMethod())
								+ ("GET".equals(ex.getMethod()) ? "; the record is read on the query side" : "")));
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
			.contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	private static String path(WebRequest request, NoResourceFoundException ex) {
		return (request instanceof ServletWebRequest servlet) ? servlet.getRequest().getRequestURI()
				: "/" + ex.getResourcePath();
	}

	private static List<String> names(List<org.springframework.http.MediaType> types) {
		return types.stream().map(org.springframework.http.MediaType::toString).toList();
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidValue invalid) {
				return ResponseEntity.badRequest()
					.contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
					.body(invalid(invalid).getBody());
			}
		}
		JsonProblemPath.Unreadable unreadable = JsonProblemPath.describe(ex);
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ErrorCode.INVALID_REQUEST, unreadable.message());
		if (unreadable.field() != null) {
			problem.setProperty("errors", List.of(fieldError(unreadable.field(), unreadable.message())));
		}
		return ResponseEntity.badRequest()
			.contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> fieldError(error.getField(), error.getField() + " " + error.getDefaultMessage()))
			.toList();
		String detail = errors.isEmpty() ? "the request is not valid"
				: String.join("; ", errors.stream().map((e) -> e.get("message")).toList());
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ErrorCode.INVALID_REQUEST, detail);
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest()
			.contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	/**
	 * What no handler above expected. With the database out of reach nothing was read or
	 * recorded, so the client may send the request again: 503 with {@code Retry-After}.
	 * Anything else is a failure of matterflow's own; the client learns no internals,
	 * only the incident under which the operators find the stack trace in the log.
	 */
	@ExceptionHandler(RuntimeException.class)
	ResponseEntity<ProblemDetail> unexpected(RuntimeException ex, HttpServletRequest request) {
		if (Unreachable.database(ex)) {
			log.warn("{} {} answered 503: the database cannot be reached ({})", request.getMethod(),
					request.getRequestURI(), ex.toString());
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, "5")
				.contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.DATABASE_UNAVAILABLE,
						"the database cannot be reached; nothing of your request was recorded, send it again in a moment"));
		}
		String incident = UUID.randomUUID().toString();
		log.error("{} {} failed, incident {}", request.getMethod(), request.getRequestURI(), incident, ex);
		ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, ErrorCode.INTERNAL_ERROR,
				"matterflow failed on its own, not because of your request; the operators find it in the log as incident "
						+ incident);
		problem.setProperty("incident", incident);
		return respond(problem);
	}

	/** The status that answers a refusal with this code. */
	public static HttpStatus statusOf(ErrorCode code) {
		return switch (code) {
			case INVALID_REQUEST -> HttpStatus.BAD_REQUEST;
			case UNKNOWN_PATH -> HttpStatus.NOT_FOUND;
			case UNKNOWN_ID, ITEM_NOT_ON_AGENDA, REASON_REQUIRED -> HttpStatus.UNPROCESSABLE_CONTENT;
			case DATABASE_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
			case INTERNAL_ERROR -> HttpStatus.INTERNAL_SERVER_ERROR;
			default -> HttpStatus.CONFLICT;
		};
	}

	/** A problem with matterflow's type, title and error code. */
	public static ProblemDetail problem(HttpStatus status, ErrorCode code, String detail) {
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

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus())
			.contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	/** A field's error, its field named first as clients read it. */
	private static Map<String, String> fieldError(String field, String message) {
		Map<String, String> error = new LinkedHashMap<>();
		error.put("field", field);
		error.put("message", message);
		return error;
	}

}
