package eu.eccp.platform.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import eu.eccp.shared.ConflictException;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.RecordNotFoundException;
import eu.eccp.shared.TooManyRequestsException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Turns every error of an API controller into RFC 9457 problem details: malformed requests 400,
 * unacceptable content 422 (with {@code errors} per field), missing records 404, clashes 409,
 * forbidden actions 403. Unexpected errors are logged and answered 500 without internals.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final MessageSource messages;

	ApiExceptionHandler(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler
	ProblemDetail invalid(InvalidRequestException e, HttpServletRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> errors = new LinkedHashMap<>();
		e.fieldErrors().forEach((field, code) -> errors.put(field, messages.getMessage(code, null, code, locale)));
		ProblemDetail problem = ProblemResponses.problem(HttpStatus.UNPROCESSABLE_CONTENT,
				"Some fields are not acceptable: " + String.join(", ", errors.keySet()) + ".", request.getRequestURI());
		problem.setProperty("errors", errors);
		return problem;
	}

	/** A JSON body with a NUL character or a lone surrogate in a string is unacceptable content (422). */
	@Override
	protected org.springframework.http.@org.jspecify.annotations.Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
			org.springframework.http.converter.HttpMessageNotReadableException e, org.springframework.http.HttpHeaders headers,
			org.springframework.http.HttpStatusCode status, org.springframework.web.context.request.WebRequest request) {
		for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof SafeTextJson.UnacceptableTextException text) {
				String field = jsonPath(text);
				String path = request instanceof org.springframework.web.context.request.ServletWebRequest servlet
						? servlet.getRequest().getRequestURI() : "";
				return org.springframework.http.ResponseEntity.unprocessableContent()
					.contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
					.body(unacceptableText(field, path));
			}
		}
		return super.handleHttpMessageNotReadable(e, headers, status, request);
	}

	/** The 422 problem for text with NUL characters or lone surrogates in the named field. */
	ProblemDetail unacceptableText(String field, String path) {
		ProblemDetail problem = ProblemResponses.problem(HttpStatus.UNPROCESSABLE_CONTENT,
				"Some fields are not acceptable: " + field + ".", path);
		problem.setProperty("errors", Map.of(field,
				messages.getMessage("validation.unsafeText", null, "validation.unsafeText", LocaleContextHolder.getLocale())));
		return problem;
	}

	private static String jsonPath(tools.jackson.core.JacksonException e) {
		StringBuilder path = new StringBuilder();
		for (tools.jackson.core.JacksonException.Reference reference : e.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	@ExceptionHandler
	ProblemDetail notFound(RecordNotFoundException e, HttpServletRequest request) {
		return ProblemResponses.problem(HttpStatus.NOT_FOUND, e.getMessage(), request.getRequestURI());
	}

	@ExceptionHandler
	ProblemDetail conflict(ConflictException e, HttpServletRequest request) {
		return ProblemResponses.problem(HttpStatus.CONFLICT, e.getMessage(), request.getRequestURI());
	}

	@ExceptionHandler
	org.springframework.http.ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException e, HttpServletRequest request) {
		return org.springframework.http.ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header("Retry-After", String.valueOf(e.retryAfter().toSeconds()))
			.body(ProblemResponses.problem(HttpStatus.TOO_MANY_REQUESTS, e.getMessage(), request.getRequestURI()));
	}

	@ExceptionHandler
	ProblemDetail forbidden(AccessDeniedException e, HttpServletRequest request) {
		return ProblemResponses.problem(HttpStatus.FORBIDDEN, "Your roles do not allow this.", request.getRequestURI());
	}

	@ExceptionHandler
	org.springframework.http.ResponseEntity<ProblemDetail> throttled(LoginThrottledException e, HttpServletRequest request) {
		return org.springframework.http.ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header("Retry-After", String.valueOf(e.retryAfterSeconds()))
			.body(ProblemResponses.problem(HttpStatus.TOO_MANY_REQUESTS,
					"Too many failed logins: wait " + e.retryAfterSeconds() + " s before trying again.",
					request.getRequestURI()));
	}

	@ExceptionHandler
	ProblemDetail secondFactorCode(SecondFactorCodeException e, HttpServletRequest request) {
		ProblemDetail problem = ProblemResponses.problem(HttpStatus.UNAUTHORIZED,
				"This account has a second factor: send the current code of its authenticator app as 'code'.",
				request.getRequestURI());
		problem.setProperty("field", "code");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail secondFactorEnrolment(SecondFactorEnrolmentRequiredException e, HttpServletRequest request) {
		ProblemDetail problem = ProblemResponses.problem(HttpStatus.FORBIDDEN,
				"Administrators and auditors must use a second factor: log in to the web UI and set one up at "
						+ "/account/security first.",
				request.getRequestURI());
		problem.setProperty("field", "code");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail unauthenticated(AuthenticationException e, HttpServletRequest request) {
		return ProblemResponses.problem(HttpStatus.UNAUTHORIZED, "Authentication failed.", request.getRequestURI());
	}

	@ExceptionHandler
	ProblemDetail badArgument(IllegalArgumentException e, HttpServletRequest request) {
		return ProblemResponses.problem(HttpStatus.BAD_REQUEST, e.getMessage(), request.getRequestURI());
	}

	@ExceptionHandler
	ProblemDetail unexpected(Exception e, HttpServletRequest request) {
		log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
		return ProblemResponses.problem(HttpStatus.INTERNAL_SERVER_ERROR,
				"Something went wrong on our side; nothing you sent was lost.", request.getRequestURI());
	}
}
