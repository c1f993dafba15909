package eu.eccp.reporting.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import eu.eccp.reporting.CrimeKind;
import eu.eccp.reporting.Offence;
import eu.eccp.reporting.ReportStatus;
import eu.eccp.reporting.internal.InboxFilter;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.InvalidRequestException;

/** The inbox filters as query parameters (UI and API): dates are ISO dates (UTC), {@code q} is full text. */
record InboxFilterParams(@Nullable String kind, @Nullable String offence, @Nullable String status,
		@Nullable String country, @Nullable String from, @Nullable String to, @Nullable String minLoss,
		@Nullable String assignee, @Nullable String q, @Nullable Boolean duplicates) {

	InboxFilter toFilter() {
		try {
			return new InboxFilter(blank(kind) ? null : CrimeKind.valueOf(kind.strip()),
					blank(offence) ? null : Offence.valueOf(offence.strip()),
					blank(status) ? null : ReportStatus.valueOf(status.strip()),
					blank(country) ? null : country("country", country),
					blank(from) ? null : date("from", from, 0), blank(to) ? null : date("to", to, 1),
					blank(minLoss) ? null : amount(minLoss), blank(assignee) ? null : uuid(assignee),
					blank(q) ? null : q.strip(), Boolean.TRUE.equals(duplicates));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidRequestException("filter", "validation.filter");
		}
	}

	static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

	private static CountryCode country(String field, String text) {
		if (!CountryCode.isValid(text)) {
			throw new InvalidRequestException(field, "validation.country");
		}
		return CountryCode.of(text);
	}

	private static java.time.Instant date(String field, String text, int plusDays) {
		try {
			return LocalDate.parse(text.strip()).plusDays(plusDays).atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		catch (DateTimeParseException e) {
			throw new InvalidRequestException(field, "validation.date");
		}
	}

	private static BigDecimal amount(String text) {
		try {
			return new BigDecimal(text.strip());
		}
		catch (NumberFormatException e) {
			throw new InvalidRequestException("minLoss", "validation.amount");
		}
	}

	private static UUID uuid(String text) {
		try {
			return UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException e) {
			throw new InvalidRequestException("assignee", "validation.assignee");
		}
	}
}
