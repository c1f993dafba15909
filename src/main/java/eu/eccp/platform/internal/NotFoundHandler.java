package eu.eccp.platform.internal;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import eu.eccp.shared.CallerContext;
import jakarta.servlet.http.HttpServletRequest;

/** A path that nothing serves: problem details under /api, the friendly not-found page elsewhere. */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class NotFoundHandler {

	@ExceptionHandler(NoResourceFoundException.class)
	Object notFound(HttpServletRequest request) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			ProblemDetail problem = ProblemResponses.problem(HttpStatus.NOT_FOUND, "No such resource.",
					request.getRequestURI());
			return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		ModelAndView page = new ModelAndView("error", HttpStatus.NOT_FOUND);
		page.addObject("status", 404);
		page.addObject("messageKey", "error.notFound");
		page.addObject("me", CallerContext.current().orElse(null));
		page.addObject("language", org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage());
		return page;
	}
}
