package eu.eccp.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import eu.eccp.shared.CountryCode;

/**
 * What statistics may know of one report: its non-personal dimensions only (no text, no indicator, no reporter,
 * no organisation). The id is an opaque key so that a report handed over twice is counted once; statistics never
 * shows it.
 *
 * @param unitCountry the country of the unit the report was routed to
 * @param victimCountries where the victims are (may be empty)
 * @param occurredAt when it happened, if the reporter said
 * @param submittedAt when it was reported
 * @param lossAmount the loss as reported, in {@code lossCurrency}
 */
public record ReportFacts(ReportId reportId, Offence offence, CountryCode unitCountry, List<CountryCode> victimCountries,
		@Nullable Instant occurredAt, Instant submittedAt, @Nullable BigDecimal lossAmount, @Nullable String lossCurrency) {

	public ReportFacts {
		victimCountries = List.copyOf(victimCountries);
	}
}
