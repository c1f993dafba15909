package eu.eccp.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import eu.eccp.reporting.Offence;

/**
 * The reference data the statistics count with, checked against their sources: the ECB's euro reference rates of
 * 31 December 2024 (its daily file for that date, eurofxref-daily.xml, as kept in github.com/vane/ecb-fx,
 * data/2024/2024-12-31.xml) and the UNODC ICCS 1.0 codes of the offence types.
 */
class ShippedReferenceTablesTests {

	final ExchangeRates rates = ExchangeRates.of(ReferenceTable.load(null, ExchangeRates.RESOURCE));

	@Test
	void theShippedRatesAreTheEcbsOf31December2024() {
		assertThat(rates.date()).isEqualTo(LocalDate.of(2024, 12, 31));
		assertThat(rates.source()).contains("European Central Bank");
		// the 30 currencies the ECB quoted that day, and the euro itself
		assertThat(rates.perEuro()).hasSize(31);
		Map<String, String> published = Map.of("USD", "1.0389", "JPY", "163.06", "GBP", "0.82918", "CHF", "0.9412",
				"PLN", "4.2750", "SEK", "11.4590", "HUF", "411.35", "IDR", "16820.88", "ILS", "3.7885", "PHP", "60.301");
		published.forEach((currency, rate) -> assertThat(rates.perEuro().get(currency)).as(currency)
			.isEqualByComparingTo(rate));
	}

	@Test
	void anAmountIsConvertedAtThePublishedRate() {
		assertThat(rates.toEur(new BigDecimal("60.30"), "PHP")).hasValueSatisfying(eur -> assertThat(eur).isEqualByComparingTo("1.00"));
		assertThat(rates.toEur(new BigDecimal("829.18"), "gbp")).hasValueSatisfying(eur -> assertThat(eur).isEqualByComparingTo("1000.00"));
		assertThat(rates.toEur(new BigDecimal("100"), "UAH")).as("a currency the ECB did not quote").isEmpty();
	}

	@Test
	void offenceTypesCarryTheirIccsCodes() {
		// 0903 acts against computer systems: 09031 unlawful access, 09032 interference, 09033 interception
		assertThat(Offence.ILLEGAL_ACCESS.iccsCode()).isEqualTo("09031");
		assertThat(Offence.ILLEGAL_INTERCEPTION.iccsCode()).isEqualTo("09033");
		// 1003 trade or possession of protected or prohibited species of fauna and flora
		assertThat(Offence.ILLEGAL_TRADE_WILDLIFE.iccsCode()).isEqualTo("1003");
		// 0901 acts involving weapons, explosives and other destructive materials: 09012 trafficking of weapons and explosives
		assertThat(Offence.ILLEGAL_TRADE_ARMS.iccsCode()).isEqualTo("09012");
		// 0906 terrorism: 09061 participation in a terrorist group, 09062 financing, 09069 other acts related to the
		// activities of a terrorist group (public provocation, its content)
		assertThat(Offence.TERRORIST_CONTENT.iccsCode()).isEqualTo("09069");
		// 0701 fraud: 07011 financial fraud, 07019 other acts of fraud
		assertThat(Offence.FRAUD_INVESTMENT.iccsCode()).isEqualTo("07011");
		assertThat(Offence.IDENTITY_THEFT.iccsCode()).isEqualTo("07019");
		// 0803 acts related to freedom of expression or control of expression: 08032 expressions of controlled social
		// beliefs and norms, 08039 other such acts (0802 is public order sexual standards); 0809 other acts against public
		// order, authority and provisions of the State
		assertThat(Offence.RACISM_XENOPHOBIA.iccsCode()).isEqualTo("08032");
		assertThat(Offence.GLORIFICATION_OF_VIOLENCE.iccsCode()).isEqualTo("08039");
		assertThat(Offence.OTHER_ILLEGAL_CONTENT.iccsCode()).isEqualTo("0809");
		for (Offence offence : Offence.values()) {
			assertThat(offence.iccsCode()).as("%s: a section (2 digits) or a code of level 2 to 4 (4 to 6 digits)", offence)
				.matches("\\d{2}|\\d{4,6}");
		}
	}
}
