package eu.eccp.platform.internal;

import java.io.IOException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What a visitor without a session gets for a page that needs one: the login page for a page that exists
 * (a staff page), the platform's own not-found page for an address that nothing serves (instead of a login
 * page that would suggest the address is real).
 */
final class VisitorEntryPoint implements AuthenticationEntryPoint {

	private final AuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
	private final ObjectProvider<RequestMappingHandlerMapping> mappings;

	VisitorEntryPoint(ObjectProvider<RequestMappingHandlerMapping> mappings) {
		this.mappings = mappings;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
			throws IOException, ServletException {
		if (exists(request)) {
			login.commence(request, response, e);
		}
		else {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
		}
	}

	private boolean exists(HttpServletRequest request) {
		RequestMappingHandlerMapping mapping = mappings.getIfAvailable();
		if (mapping == null) {
			return true;
		}
		try {
			HandlerExecutionChain handler = mapping.getHandler(request);
			return handler != null;
		}
		catch (Exception methodOrMediaTypeMismatch) {
			// the path exists with another method or media type: still a real page
			return true;
		}
	}
}
