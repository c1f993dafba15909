package eu.eccp.platform.internal;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** A login attempt made before the wait that earlier failures imposed is over; the password was not checked. */
class LoginThrottledException extends AuthenticationException {

	private static final long serialVersionUID = 1L;

	private final long retryAfterSeconds;

	LoginThrottledException(Duration wait) {
		super("too many failed logins; wait before trying again");
		this.retryAfterSeconds = Math.max(1, (wait.toMillis() + 999) / 1000);
	}

	long retryAfterSeconds() {
		return retryAfterSeconds;
	}
}
