package eu.eccp.reporting.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import eu.eccp.reporting.CrimeKind;
import eu.eccp.reporting.Offence;
import eu.eccp.reporting.ReportStatus;
import eu.eccp.shared.CountryCode;

/** Filters of the analysts' inbox; every field is optional. {@code text} is a full-text query. */
public record InboxFilter(@Nullable CrimeKind kind, @Nullable Offence offence, @Nullable ReportStatus status,
		@Nullable CountryCode country, @Nullable Instant from, @Nullable Instant to, @Nullable BigDecimal minLoss,
		@Nullable UUID assignee, @Nullable String text, boolean includeDuplicates) {

	public static InboxFilter none() {
		return new InboxFilter(null, null, null, null, null, null, null, null, null, false);
	}
}
