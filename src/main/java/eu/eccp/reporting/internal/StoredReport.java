package eu.eccp.reporting.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import eu.eccp.reporting.CrimeKind;
import eu.eccp.reporting.Offence;
import eu.eccp.reporting.ReportId;
import eu.eccp.reporting.ReportStatus;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Tlp;

/** A report as stored (without the reporter's contact details, which are kept apart). */
public record StoredReport(ReportId id, String reference, String channel, @Nullable OrganisationId submittedByOrganisation,
		@Nullable UUID submittedByUser, @Nullable String organisationReference, Offence offence,
		@Nullable CountryCode residenceCountry, List<CountryCode> victimCountries, @Nullable Instant occurredAt,
		@Nullable String occurredTimeZone, @Nullable BigDecimal lossAmount, @Nullable String lossCurrency,
		@Nullable String paymentMethod, String description, Map<String, List<String>> details,
		@Nullable String language, boolean consentToContact, boolean consentToShare, OrganisationId owner,
		String routedBy, Tlp tlp, ReportStatus status, @Nullable String statusReason, @Nullable UUID assignee,
		@Nullable ReportId duplicateOf, Instant submittedAt, Instant updatedAt, @Nullable Instant closedAt,
		@Nullable Instant contactErasedAt) {

	public CrimeKind kind() {
		return offence.kind();
	}

	public int detailCount() {
		return details.values().stream().mapToInt(List::size).sum();
	}
}
