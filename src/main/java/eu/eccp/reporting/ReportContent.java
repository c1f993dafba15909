package eu.eccp.reporting;

import java.util.List;
import java.util.Map;

import eu.eccp.shared.CountryCode;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Tlp;

/**
 * A report's content as modules that process it (indicator extraction, correlation) receive it: no
 * reporter contact details.
 *
 * @param details structured details by kind: {@code urls}, {@code emails}, {@code phones}, {@code ibans},
 *        {@code wallets}, {@code socialAccounts}
 */
public record ReportContent(ReportId id, OrganisationId owner, Offence offence, List<CountryCode> victimCountries,
		String description, Map<String, List<String>> details, Tlp tlp, java.time.Instant submittedAt) {
}
