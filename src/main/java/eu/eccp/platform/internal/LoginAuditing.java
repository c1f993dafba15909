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
import eu.eccp.organisations.AccountAuthentication;
import eu.eccp.shared.CallerContext;

/**
 * Every password login, successful or not, is audited (the throttling itself is in
 * {@link PasswordAuthenticationConfiguration}).
 */
@Component
class LoginAuditing {

	private final AuditTrail audit;
	private final AccountAuthentication accounts;

	LoginAuditing(AuditTrail audit, AccountAuthentication accounts) {
		this.audit = audit;
		this.accounts = accounts;
	}

	@EventListener
	void on(AuthenticationSuccessEvent event) {
		if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken authentication
				&& authentication.getPrincipal() instanceof CallerContext.Principal principal) {
			AuditEvent succeeded = AuditEvent.of("login.succeeded", "user", principal.caller().userId());
			// with a second factor the password is only the first step: login.second-factor.* follows
			audit.record(AuditActor.of(principal.caller()),
					accounts.secondFactor(principal) == AccountAuthentication.SecondFactor.CODE
							? succeeded.withDetail("password; second-factor code to follow") : succeeded);
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
