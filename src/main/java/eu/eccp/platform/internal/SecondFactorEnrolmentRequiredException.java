package eu.eccp.platform.internal;

import org.springframework.security.access.AccessDeniedException;

/**
 * The account must use a second factor (administrators and auditors, when so configured) and has none yet:
 * 403 problem details telling the person to enrol one in the web UI first.
 */
public class SecondFactorEnrolmentRequiredException extends AccessDeniedException {

	private static final long serialVersionUID = 1L;

	public SecondFactorEnrolmentRequiredException() {
		super("a second factor must be set up first");
	}
}
