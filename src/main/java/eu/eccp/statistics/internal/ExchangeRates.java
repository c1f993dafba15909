package eu.eccp.statistics.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Euro reference rates of one date (units of a currency per euro), as the ECB publishes them. A loss in a
 * currency the table does not have is never converted by guess: it is counted apart, in its own currency.
 */
record ExchangeRates(String source, LocalDate date, Map<String, BigDecimal> perEuro, String fingerprint) {

	static final String RESOURCE = "/statistics/ecb-reference-rates.csv";

	static ExchangeRates of(ReferenceTable table) {
		Map<String, BigDecimal> rates = new LinkedHashMap<>();
		table.values().forEach((currency, rate) -> {
			BigDecimal value = new BigDecimal(rate);
			if (value.signum() <= 0) {
				throw new IllegalStateException(table.origin() + ": the rate of " + currency + " is not positive");
			}
			rates.put(currency, value);
		});
		rates.put("EUR", BigDecimal.ONE);
		return new ExchangeRates(table.about("source"), LocalDate.parse(table.about("date")), Map.copyOf(rates),
				table.fingerprint());
	}

	/** The amount in euro, rounded to the cent; empty when the currency is unknown to the table. */
	Optional<BigDecimal> toEur(BigDecimal amount, @Nullable String currency) {
		String code = currency == null ? "EUR" : currency.strip().toUpperCase(Locale.ROOT);
		BigDecimal rate = perEuro.get(code);
		return rate == null ? Optional.empty()
				: Optional.of(amount.divide(rate, MathContext.DECIMAL64).setScale(2, RoundingMode.HALF_EVEN));
	}

	boolean knows(@Nullable String currency) {
		return currency == null || perEuro.containsKey(currency.strip().toUpperCase(Locale.ROOT));
	}
}
