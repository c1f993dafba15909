package eu.eccp.platform.internal;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.security.authorization.AllRequiredFactorsAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.FactorAuthorizationDecision;
import org.springframework.security.authorization.RequiredFactor;
import org.springframework.security.authorization.RequiredFactorError;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import eu.eccp.organisations.AccountAuthentication;

/**
 * The second-factor rule added to the web UI's authorisation rules (Spring Security's multi-factor
 * authentication): a session of an account with a second factor needs the {@code FACTOR_TOTP} factor (the
 * access-denied handler sends it to {@code /login/code}); an administrator or auditor who must use a second
 * factor and has none lacks {@code FACTOR_TOTP_ENROLMENT} (sent to {@code /account/security}) everywhere but
 * on the enrolment page. Other sessions, and nobody authenticated, pass (the rule it is added to decides).
 */
final class SecondFactorAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

	private static final RequiredFactor ENROLMENT = RequiredFactor
		.withAuthority(AccountAuthentication.SECOND_FACTOR_ENROLMENT_AUTHORITY)
		.build();

	private final AccountAuthentication accounts;
	private final boolean enrolmentPage;
	private final AllRequiredFactorsAuthorizationManager<RequestAuthorizationContext> code = AllRequiredFactorsAuthorizationManager
		.<RequestAuthorizationContext>builder()
		.requireFactor(factor -> factor.authority(AccountAuthentication.SECOND_FACTOR_AUTHORITY))
		.build();

	/** @param enrolmentPage whether this guards the page where people enrol (which those who must enrol may use) */
	SecondFactorAuthorization(AccountAuthentication accounts, boolean enrolmentPage) {
		this.accounts = accounts;
		this.enrolmentPage = enrolmentPage;
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext context) {
		Authentication current = authentication.get();
		if (current == null || !current.isAuthenticated()) {
			return new AuthorizationDecision(true);
		}
		return switch (accounts.secondFactor(current.getPrincipal())) {
			case NOT_USED -> new AuthorizationDecision(true);
			case CODE -> code.authorize(authentication, context);
			case ENROLMENT -> enrolmentPage ? new AuthorizationDecision(true)
					: new FactorAuthorizationDecision(List.of(RequiredFactorError.createMissing(ENROLMENT)));
		};
	}
}
