package eu.eccp.organisations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The password policy: long, not common, not repetitive, not the person's own names. */
class PasswordPolicyTests {

	final PasswordPolicy policy = new PasswordPolicy(new AccountsProperties(Duration.ofHours(8), Duration.ofDays(365),
			Duration.ofDays(365), 12, 5, 20, Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofMinutes(15),
			false, null));

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "short1!A|validation.passwordTooShort",
			"aaaaaaaaaaaa|validation.passwordRepetitive", "'            '|validation.passwordRepetitive",
			"abcabcabcabc|validation.passwordRepetitive", "121212121212ab|validation.passwordRepetitive",
			"password1234|validation.passwordCommon", "123456789012|validation.passwordCommon",
			"Iloveyou2026!!|validation.passwordCommon", "!!qwertyuiop99|validation.passwordCommon",
			"baseball12345|validation.passwordCommon", "camille.martin.99|validation.passwordContainsName",
			"my-fr.analyst-pass|validation.passwordContainsName", "Martin-Paris-2026|validation.passwordContainsName",
			"cm.work.account.7|validation.passwordContainsName" })
	void refuses(String password, String problem) {
		assertThat(policy.problem(password, "fr.analyst", "Camille Martin", "cm.work@example.org")).isEqualTo(problem);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Tr4mway-Quietly-Orbit", "violet tram under eleven moons", "Zw!ebel-Kuchen-73",
			"ünïcødé-pässwörd-ok" })
	void accepts(String password) {
		assertThat(policy.problem(password, "fr.analyst", "Camille Martin", "cm.work@example.org")).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "a\u0000bcdefghijklmn", "abcdefghijklm\uD800" })
	void refusesUnsafeText(String password) {
		assertThat(policy.problem(password, "fr.analyst", null, null)).isEqualTo("validation.unsafeText");
	}
}
