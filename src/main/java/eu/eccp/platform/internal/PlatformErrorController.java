package eu.eccp.platform.internal;

import java.io.IOException;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Errors that no controller handled: problem details for API paths, a friendly page in the UI's
 * language everywhere else. Never a stack trace.
 */
@Controller
class PlatformErrorController implements ErrorController {

	private final ProblemResponses problems;

	PlatformErrorController(ProblemResponses problems) {
		this.problems = problems;
	}

	@RequestMapping("/error")
	String error(HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
		HttpStatus status = status(request);
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = uri == null ? "" : uri.toString();
		if (path.startsWith(request.getContextPath() + "/api/")) {
			problems.write(new PathOverride(request, path), response, status, detail(status));
			return null;
		}
		response.setStatus(status.value());
		model.addAttribute("status", status.value());
		model.addAttribute("messageKey", switch (status.value()) {
			case 403 -> "error.forbidden";
			case 404 -> "error.notFound";
			case 400, 405, 413, 415, 422 -> "error.badRequest";
			default -> "error.unexpected";
		});
		return "error";
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
		return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
	}

	private static String detail(HttpStatus status) {
		return switch (status.value()) {
			case 404 -> "No such resource.";
			case 403 -> "Your roles do not allow this.";
			case 401 -> "Authentication is required.";
			case 500 -> "Something went wrong on our side; nothing you sent was lost.";
			default -> status.getReasonPhrase();
		};
	}

	/** Reports the original request path as the problem's instance. */
	private static final class PathOverride extends jakarta.servlet.http.HttpServletRequestWrapper {

		private final String path;

		PathOverride(HttpServletRequest request, String path) {
			super(request);
			this.path = path;
		}

		@Override
		public String getRequestURI() {
			return path;
		}
	}
}
