package eu.eccp.audit.internal;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * At the end of each web request, once its transactions are over and it holds no database connection, links
 * the audit entries it recorded into the chain (so waiting for the chain never holds a connection).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuditChainingFilter extends OncePerRequestFilter {

	/** Request attribute: this request chains its audit entries when it ends. */
	static final String CHAINS_AT_END = AuditChainingFilter.class.getName() + ".chainsAtEnd";

	private final AuditChainer chainer;

	AuditChainingFilter(AuditChainer chainer) {
		this.chainer = chainer;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		request.setAttribute(CHAINS_AT_END, Boolean.TRUE);
		try {
			chain.doFilter(request, response);
		}
		finally {
			chainer.chainWhatThisRequestOwes();
		}
	}
}
