package eu.eccp.reporting.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import eu.eccp.reporting.CrimeKind;
import eu.eccp.reporting.Offence;
import eu.eccp.reporting.ReportStatus;
import eu.eccp.reporting.internal.ReporterContact;
import eu.eccp.reporting.internal.StoredReport;

/** The JSON shapes of reports in the API. */
final class ReportDtos {

	private ReportDtos() {
	}

	record Classification(CrimeKind kind, Offence offence, List<String> conventionArticles, String rsitClass,
			String rsitType, String iccsCode, boolean cyberRelated) {

		static Classification of(Offence offence) {
			return new Classification(offence.kind(), offence, offence.conventionArticles(), offence.rsitClass(),
					offence.rsitType(), offence.iccsCode(), offence.cyberRelated());
		}
	}

	record Loss(@Nullable BigDecimal amount, @Nullable String currency, @Nullable String paymentMethod) {
	}

	record ReportDto(UUID id, String reference, String channel, @Nullable String organisationReference,
			Classification classification, @Nullable String residenceCountry, List<String> victimCountries,
			@Nullable Instant occurredAt, @Nullable String timeZone, @Nullable Loss loss, String description,
			Map<String, List<String>> details, boolean consentToContact, boolean consentToShare, UUID owner,
			String routedBy, String tlp, ReportStatus status, @Nullable String statusReason, @Nullable UUID assignee,
			@Nullable UUID duplicateOf, Instant submittedAt, Instant updatedAt, @Nullable ReporterContact contact,
			boolean contactErased, List<eu.eccp.reporting.internal.ReportIndicator> indicators) {

		static ReportDto of(StoredReport r, @Nullable ReporterContact contact) {
			return of(r, contact, List.of());
		}

		static ReportDto of(StoredReport r, @Nullable ReporterContact contact,
				List<eu.eccp.reporting.internal.ReportIndicator> indicators) {
			return new ReportDto(r.id().value(), r.reference(), r.channel(), r.organisationReference(),
					Classification.of(r.offence()), r.residenceCountry() == null ? null : r.residenceCountry().value(),
					r.victimCountries().stream().map(c -> c.value()).toList(), r.occurredAt(), r.occurredTimeZone(),
					r.lossAmount() == null && r.paymentMethod() == null ? null
							: new Loss(r.lossAmount(), r.lossCurrency(), r.paymentMethod()),
					r.description(), r.details(), r.consentToContact(), r.consentToShare(), r.owner().value(),
					r.routedBy(), r.tlp().name(), r.status(), r.statusReason(), r.assignee(),
					r.duplicateOf() == null ? null : r.duplicateOf().value(), r.submittedAt(), r.updatedAt(), contact,
					r.contactErasedAt() != null, indicators);
		}
	}

	record ReportSummaryDto(UUID id, String reference, CrimeKind kind, Offence offence, List<String> victimCountries,
			@Nullable BigDecimal lossAmount, @Nullable String lossCurrency, ReportStatus status, @Nullable UUID assignee,
			Instant submittedAt) {

		static ReportSummaryDto of(StoredReport r) {
			return new ReportSummaryDto(r.id().value(), r.reference(), r.kind(), r.offence(),
					r.victimCountries().stream().map(c -> c.value()).toList(), r.lossAmount(), r.lossCurrency(),
					r.status(), r.assignee(), r.submittedAt());
		}
	}
}
