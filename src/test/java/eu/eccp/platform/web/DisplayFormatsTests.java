package eu.eccp.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class DisplayFormatsTests {

	DisplayFormats fmt = new DisplayFormats();

	@Test
	void defangsAddressesSoNobodyClicksThem() {
		assertThat(fmt.defang("https://bank-secure.example/login")).isEqualTo("hxxps://bank-secure[.]example/login");
		assertThat(fmt.defang("support@bank-secure.example")).isEqualTo("support[@]bank-secure[.]example");
	}

	@Test
	void doesNotDefangTwice() {
		assertThat(fmt.defang("hxxps://bank-secure[.]example/login")).isEqualTo("hxxps://bank-secure[.]example/login");
	}

	@Test
	void showsTimesInTheZoneTheyWereReportedIn() {
		Instant instant = Instant.parse("2026-11-28T13:30:00Z");
		assertThat(fmt.inZone(instant, "Europe/Brussels")).isEqualTo("2026-11-28 14:30 (Europe/Brussels)");
		assertThat(fmt.inZone(instant, null)).isEqualTo("2026-11-28 13:30 UTC");
		assertThat(fmt.utc(null)).isEqualTo("—");
	}

	@Test
	void followsThePagesLanguage() {
		Instant instant = Instant.parse("2026-11-28T13:30:00Z");
		try {
			org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.GERMAN);
			assertThat(fmt.utc(instant)).isEqualTo("28.11.2026, 13:30 UTC");
			org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.FRENCH);
			assertThat(fmt.utc(instant)).startsWith("28 nov. 2026").endsWith("13:30 UTC");
			org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.ENGLISH);
			assertThat(fmt.utc(instant)).isEqualTo("2026-11-28 13:30 UTC");
		}
		finally {
			org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
		}
	}
}
