package eu.eccp.audit.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import eu.eccp.audit.internal.AuditQuery;
import eu.eccp.shared.InvalidRequestException;

/** The audit log's filters as typed in the UI or given as API query parameters (dates are ISO, UTC). */
record AuditFilter(@Nullable String actor, @Nullable String organisationId, @Nullable String action,
		@Nullable String objectType, @Nullable String objectId, @Nullable String from, @Nullable String to) {

	AuditQuery toQuery() {
		UUID org = null;
		if (organisationId != null && !organisationId.isBlank()) {
			try {
				org = UUID.fromString(organisationId.strip());
			}
			catch (IllegalArgumentException e) {
				throw new InvalidRequestException("organisationId", "validation.organisation");
			}
		}
		return new AuditQuery(actor, org, action, objectType, objectId, date("from", from, 0), date("to", to, 1));
	}

	private static java.time.@Nullable Instant date(String field, @Nullable String text, int plusDays) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip()).plusDays(plusDays).atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		catch (DateTimeParseException e) {
			throw new InvalidRequestException(field, "validation.date");
		}
	}
}
