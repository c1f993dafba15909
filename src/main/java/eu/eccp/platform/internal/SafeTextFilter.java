package eu.eccp.platform.internal;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.support.RequestContextUtils;

import eu.eccp.shared.SafeText;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses, once for the whole platform, query and form parameters and multipart field and file names that
 * hold a NUL character or a lone surrogate ({@link SafeText}): the API answers 422 problem details naming
 * the field, pages get the platform's 400 page. JSON bodies are checked by {@link SafeTextJson}. It runs
 * right after Spring Security, so nobody unauthenticated makes the platform parse an upload.
 */
class SafeTextFilter extends OncePerRequestFilter {

	private final JsonMapper json;
	private final MessageSource messages;

	SafeTextFilter(JsonMapper json, MessageSource messages) {
		this.json = json;
		this.messages = messages;
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		FilterRegistrationBean<SafeTextFilter> safeTextFilter(JsonMapper json, MessageSource messages) {
			FilterRegistrationBean<SafeTextFilter> registration = new FilterRegistrationBean<>(
					new SafeTextFilter(json, messages));
			registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
			return registration;
		}
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String field = unacceptableField(request);
		if (field == null) {
			chain.doFilter(request, response);
			return;
		}
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			Locale locale = RequestContextUtils.getLocale(request);
			ProblemDetail problem = ProblemResponses.problem(HttpStatus.UNPROCESSABLE_CONTENT,
					"Some fields are not acceptable: " + field + ".", request.getRequestURI());
			Map<String, String> errors = new LinkedHashMap<>();
			errors.put(field, messages.getMessage("validation.unsafeText", null, "validation.unsafeText", locale));
			problem.setProperty("errors", errors);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			response.setContentType(ProblemResponses.PROBLEM_JSON);
			response.setCharacterEncoding("UTF-8");
			json.writeValue(response.getOutputStream(), problem);
			return;
		}
		response.sendError(HttpStatus.BAD_REQUEST.value());
	}

	/** The first parameter or upload whose name, value or file name is not acceptable text, if any. */
	private static @Nullable String unacceptableField(HttpServletRequest request) {
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			if (!SafeText.isAcceptable(parameter.getKey())) {
				return "parameter";
			}
			for (String value : parameter.getValue()) {
				if (value != null && !SafeText.isAcceptable(value)) {
					return parameter.getKey();
				}
			}
		}
		org.springframework.web.multipart.MultipartHttpServletRequest resolved = org.springframework.web.util.WebUtils
			.getNativeRequest(request, org.springframework.web.multipart.MultipartHttpServletRequest.class);
		if (resolved != null) { // already resolved (as in MockMvc): its files may not be listed as parts
			for (org.springframework.web.multipart.MultipartFile file : resolved.getFileMap().values()) {
				if (!SafeText.isAcceptable(file.getName())) {
					return "part";
				}
				if (file.getOriginalFilename() != null && !SafeText.isAcceptable(file.getOriginalFilename())) {
					return file.getName();
				}
			}
		}
		String contentType = request.getContentType();
		if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
			Collection<Part> parts;
			try {
				parts = request.getParts();
			}
			catch (IOException | ServletException | IllegalStateException e) {
				return null; // too large or malformed: the normal multipart handling answers that
			}
			for (Part part : parts) {
				if (!SafeText.isAcceptable(part.getName())) {
					return "part";
				}
				String fileName = part.getSubmittedFileName();
				if (fileName != null && !SafeText.isAcceptable(fileName)) {
					return part.getName();
				}
			}
		}
		return null;
	}
}
