package eu.eccp.reporting.web;

import java.io.IOException;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import eu.eccp.reporting.internal.ReportingProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Public endpoints take no account, so their request bodies are capped before anything reads them:
 * JSON at 1 MiB, forms with files at what the attachment limits allow (5 × 10 MB by default, plus the form).
 * Larger requests get 413 at once, as problem details for the API and a plain message for the form.
 */
@Configuration(proxyBeanMethods = false)
class PublicRequestSizeLimit {

	static final long JSON_LIMIT = 1024 * 1024;

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> publicRequestSizeLimitFilter(ReportingProperties properties) {
		long multipartLimit = properties.maxAttachments() * properties.maxAttachmentSize().toBytes() + JSON_LIMIT;
		OncePerRequestFilter filter = new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				String type = request.getContentType() == null ? "" : request.getContentType();
				long limit = type.startsWith("multipart/") ? multipartLimit : JSON_LIMIT;
				long length = request.getContentLengthLong();
				// a request without a length (chunked) is still bounded by spring.servlet.multipart.* and the per-file check
				if (length > limit) {
					response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
					boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
					response.setContentType(api ? "application/problem+json" : "text/plain;charset=UTF-8");
					response.getWriter().write(api
							? "{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,\"detail\":\"The request is larger than "
									+ limit + " bytes.\"}"
							: "The request is too large: at most " + properties.maxAttachments() + " files of "
									+ properties.maxAttachmentSize().toMegabytes() + " MB each.");
					return;
				}
				chain.doFilter(request, response);
			}
		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		registration.addUrlPatterns("/report", "/report/*", "/api/v1/public/*");
		registration.setName("publicRequestSizeLimit");
		registration.setOrder(-200);
		return registration;
	}
}
