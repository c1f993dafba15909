package eu.eccp.platform.internal;

import org.springframework.security.core.AuthenticationException;

/**
 * The password was right but the account has a second factor and the code was missing or wrong (one answer
 * for both, so it tells nothing about which): 401 problem details naming the {@code code} field.
 */
public class SecondFactorCodeException extends AuthenticationException {

	private static final long serialVersionUID = 1L;

	public SecondFactorCodeException() {
		super("a current second-factor code is required");
	}
}
