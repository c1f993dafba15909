package eu.eccp.reporting.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import eu.eccp.reporting.Offence;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.Tlp;

/** A report whose every field has been checked and normalised. */
record ValidReport(Offence offence, @Nullable CountryCode residenceCountry, List<CountryCode> victimCountries,
		@Nullable Instant occurredAt, @Nullable String occurredTimeZone, @Nullable BigDecimal lossAmount,
		@Nullable String lossCurrency, @Nullable String paymentMethod, String description,
		Map<String, List<String>> details, @Nullable String contactName, @Nullable String contactEmail,
		@Nullable String contactPhone, @Nullable String language, boolean consentToContact, boolean consentToShare,
		@Nullable String organisationReference, Tlp tlp) {

	boolean hasContact() {
		return contactName != null || contactEmail != null || contactPhone != null;
	}
}
