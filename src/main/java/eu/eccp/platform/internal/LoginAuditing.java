package eu.eccp.platform.internal;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.stereotype.Component;

import eu.eccp.audit.AuditActor;
import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.shared.CallerContext;

/**
 * Every password login, successful or not, is audited (the throttling itself is in
 * {@link PasswordAuthenticationConfiguration}).
 */
@Component
class LoginAuditing {

	private final AuditTrail audit;

	LoginAuditing(AuditTrail audit) {
		this.audit = audit;
	}

	@EventListener
	void on(AuthenticationSuccessEvent event) {
		if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken authentication
				&& authentication.getPrincipal() instanceof CallerContext.Principal principal) {
			audit.record(AuditActor.of(principal.caller()),
					AuditEvent.of("login.succeeded", "user", principal.caller().userId()));
		}
	}

	@EventListener
	void on(AbstractAuthenticationFailureEvent event) {
		String username = String.valueOf(event.getAuthentication().getName());
		if (username.length() > 100) {
			username = username.substring(0, 100);
		}
		String reason = event.getException() instanceof LoginThrottledException ? "throttled"
				: event.getException() instanceof BadCredentialsException ? "bad-credentials" : "account-disabled";
		audit.record(AuditActor.anonymous(username), AuditEvent.of("login.failed", "user", null).withDetail(reason));
	}
}
