package eu.eccp.reporting.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import eu.eccp.reporting.Offence;
import eu.eccp.reporting.ReportId;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Tlp;

/**
 * What extraction and correlation need of a stored report: who owns it, its marking and time, the region for
 * phone numbers, and the texts to search. {@code attachments} says whether it has files to scan too. The victim
 * countries, time of occurrence and loss are handed on to statistics ({@link eu.eccp.reporting.ReportsCounted}).
 */
record ReportForProcessing(ReportId id, OrganisationId owner, Tlp tlp, Instant submittedAt, @Nullable String region,
		String description, Map<String, List<String>> details, boolean attachments, Offence offence, String reference,
		@Nullable OrganisationId submitter, List<CountryCode> victimCountries, @Nullable Instant occurredAt,
		@Nullable BigDecimal lossAmount, @Nullable String lossCurrency) {

	static ReportForProcessing of(StoredReport report, boolean attachments) {
		return new ReportForProcessing(report.id(), report.owner(), report.tlp(), report.submittedAt(),
				region(report.victimCountries(), report.residenceCountry()), report.description(), report.details(),
				attachments, report.offence(), report.reference(), report.submittedByOrganisation(), report.victimCountries(),
				report.occurredAt(), report.lossAmount(), report.lossCurrency());
	}

	/** A report a bulk import has just stored (bulk rows carry no files). */
	static ReportForProcessing of(ReportRepository.NewReport stored) {
		ValidReport report = stored.report();
		return new ReportForProcessing(stored.id(), stored.owner(), report.tlp(), stored.now(),
				region(report.victimCountries(), report.residenceCountry()), report.description(), report.details(),
				false, report.offence(), stored.reference(), stored.submittedByOrg(), report.victimCountries(),
				report.occurredAt(), report.lossAmount(), report.lossCurrency());
	}

	/** Phone numbers without a country code are read as numbers of the first victim country, else the residence. */
	private static @Nullable String region(List<CountryCode> victims, @Nullable CountryCode residence) {
		return !victims.isEmpty() ? victims.get(0).value() : residence == null ? null : residence.value();
	}
}
