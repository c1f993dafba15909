package eu.eccp.statistics.internal;

import org.springframework.stereotype.Component;

/** The reference tables in use: the shipped ones, or the operator's ({@code eccp.statistics.*-file}). */
@Component
public class ReferenceData {

	private final ExchangeRates rates;
	private final Population population;

	ReferenceData(StatisticsProperties properties) {
		this.rates = ExchangeRates.of(ReferenceTable.load(properties.exchangeRatesFile(), ExchangeRates.RESOURCE));
		this.population = Population.of(ReferenceTable.load(properties.populationFile(), Population.RESOURCE));
	}

	ExchangeRates rates() {
		return rates;
	}

	Population population() {
		return population;
	}

	/** Changes when the rates change (losses in euro are rolled up converted): the roll-ups are then rebuilt. */
	String version() {
		return rates.fingerprint();
	}
}
