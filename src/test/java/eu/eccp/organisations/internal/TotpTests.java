package eu.eccp.organisations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTests {

	/** The SHA1 key of RFC 6238 Appendix B. */
	private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	@ParameterizedTest(name = "at {0} s the code is {1}")
	@CsvSource({ "59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
			"2000000000, 69279037", "20000000000, 65353130" })
	void codesMatchTheSha1TestVectorsOfRfc6238AppendixB(long epochSeconds, String expected) {
		long step = Totp.step(Instant.ofEpochSecond(epochSeconds));

		assertThat(Totp.code(RFC_KEY, step, 8)).isEqualTo(expected);
	}

	@Test
	void sixDigitCodesAreTheLastSixDigitsOfTheEightDigitOnes() {
		long step = Totp.step(Instant.ofEpochSecond(1111111109));

		assertThat(Totp.code(RFC_KEY, step, 6)).isEqualTo("081804");
	}

	@Test
	void aCodeIsAcceptedForTheCurrentStepAndOneStepEitherSide() {
		Instant now = Instant.ofEpochSecond(1_234_567_890);
		long step = Totp.step(now);

		assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step, 6), now, -1)).hasValue(step);
		assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step - 1, 6), now, -1)).hasValue(step - 1);
		assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step + 1, 6), now, -1)).hasValue(step + 1);
		assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step - 2, 6), now, -1)).isEmpty();
		assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step + 2, 6), now, -1)).isEmpty();
	}

	@Test
	void aCodeOfAStepAlreadyUsedOrEarlierIsRefused() {
		Instant now = Instant.ofEpochSecond(1_234_567_890);
		long step = Totp.step(now);
		String code = Totp.code(RFC_KEY, step, 6);

		assertThat(Totp.matchingStep(RFC_KEY, code, now, step)).isEmpty();
		assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step - 1, 6), now, step - 1)).isEmpty();
		assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step + 1, 6), now, step)).hasValue(step + 1);
	}

	@Test
	void codesThatAreNotSixDigitsAreRefused() {
		Instant now = Instant.ofEpochSecond(1_234_567_890);

		assertThat(Totp.matchingStep(RFC_KEY, "", now, -1)).isEmpty();
		assertThat(Totp.matchingStep(RFC_KEY, "12345", now, -1)).isEmpty();
		assertThat(Totp.matchingStep(RFC_KEY, "abcdef", now, -1)).isEmpty();
		assertThat(Totp.matchingStep(RFC_KEY, "1234567", now, -1)).isEmpty();
	}

	@Test
	void spacesInACodeAreIgnored() {
		Instant now = Instant.ofEpochSecond(1_234_567_890);
		String code = Totp.code(RFC_KEY, Totp.step(now), 6);

		assertThat(Totp.matchingStep(RFC_KEY, " " + code.substring(0, 3) + " " + code.substring(3) + " ", now, -1))
			.isPresent();
	}

	@Test
	void theOtpauthUriCarriesTheBase32SecretIssuerAndParameters() {
		String uri = Totp.otpauthUri("ECCP", "fr.admin", RFC_KEY);

		assertThat(uri).isEqualTo("otpauth://totp/ECCP:fr.admin?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=ECCP"
				+ "&algorithm=SHA1&digits=6&period=30");
	}

	@Test
	void newSecretsAreTwentyRandomBytes() {
		assertThat(Totp.newSecret()).hasSize(20).isNotEqualTo(Totp.newSecret());
	}
}
