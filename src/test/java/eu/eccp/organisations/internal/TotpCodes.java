package eu.eccp.organisations.internal;

import java.time.Duration;
import java.time.Instant;

import org.awaitility.Awaitility;

import com.google.common.io.BaseEncoding;

/** For tests elsewhere: the codes an authenticator app would show for a Base32 secret (as shown at enrolment). */
public final class TotpCodes {

	private TotpCodes() {
	}

	/** The code of the time step {@code offset} steps from now (−1 and +1 are still accepted: clock drift). */
	public static String code(String base32Secret, int offset) {
		byte[] secret = BaseEncoding.base32().omitPadding().decode(base32Secret.replace(" ", ""));
		return Totp.code(secret, Totp.step(Instant.now()) + offset, Totp.DIGITS);
	}

	/**
	 * Waits until the current time step has at least 10 s to run, so a test's codes keep the steps they were
	 * computed for while it uses them.
	 */
	public static void awaitRoomInTheCurrentStep() {
		Awaitility.await()
			.atMost(Duration.ofSeconds(Totp.STEP_SECONDS))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> Instant.now().getEpochSecond() % Totp.STEP_SECONDS < Totp.STEP_SECONDS - 10);
	}
}
