package eu.eccp.contactpoints.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import eu.eccp.indicators.ExtractionOptions;
import eu.eccp.indicators.Indicator;
import eu.eccp.indicators.IndicatorExtractor;
import eu.eccp.indicators.IndicatorType;

/**
 * Checks structured identifiers with the indicators module: a URL, IP address, phone number or e-mail
 * address is accepted only if the extractor finds exactly that one indicator in the whole value, and is
 * kept in the extractor's canonical form (refanged, E.164, lower-case domains).
 */
@Component
class IdentifierValidation {

	static final int MAX_IDENTIFIERS = 50;

	private static final Map<IdentifierType, Set<IndicatorType>> INDICATOR_TYPES = Map.of(IdentifierType.URL,
			Set.of(IndicatorType.URL), IdentifierType.IP_ADDRESS, Set.of(IndicatorType.IPV4, IndicatorType.IPV6),
			IdentifierType.PHONE, Set.of(IndicatorType.PHONE), IdentifierType.EMAIL, Set.of(IndicatorType.EMAIL));

	private final IndicatorExtractor extractor;

	IdentifierValidation(IndicatorExtractor extractor) {
		this.extractor = extractor;
	}

	/**
	 * Validates every identifier; errors go into {@code errors} under {@code prefix[i].field} with a
	 * message code. {@code region} is the country whose national phone numbers are understood.
	 */
	List<Identifier> validate(List<IdentifierInput> inputs, @Nullable String region, String prefix,
			Map<String, String> errors) {
		if (inputs.size() > MAX_IDENTIFIERS) {
			errors.put(prefix, "validation.request.tooManyIdentifiers");
			return List.of();
		}
		List<Identifier> valid = new ArrayList<>();
		for (int i = 0; i < inputs.size(); i++) {
			String at = prefix + "[" + i + "].";
			IdentifierInput input = inputs.get(i);
			IdentifierType type = parseType(input.type());
			if (type == null) {
				errors.put(at + "type", "validation.identifier.type");
				continue;
			}
			String value = input.value() == null ? "" : input.value().strip();
			if (value.isEmpty() || value.length() > 2_000) {
				errors.put(at + "value", "validation.identifier.value");
				continue;
			}
			String service = blankToNull(input.service());
			if (service != null && service.length() > 200) {
				errors.put(at + "service", "validation.identifier.service");
				continue;
			}
			String canonical = type == IdentifierType.ACCOUNT ? value : canonical(type, value, region).orElse(null);
			if (canonical == null) {
				errors.put(at + "value", errorCode("identifier", type.name()));
				continue;
			}
			Instant observedAt = null;
			String zone = blankToNull(input.timeZone());
			String when = blankToNull(input.observedAt());
			if (type == IdentifierType.IP_ADDRESS || when != null) {
				ZoneId zoneId = zone(zone);
				if (zoneId == null) {
					errors.put(at + "timeZone", "validation.identifier.timeZone");
					continue;
				}
				observedAt = moment(when, zoneId);
				if (observedAt == null) {
					errors.put(at + "observedAt", "validation.identifier.observedAt");
					continue;
				}
				zone = zoneId.getId();
			}
			valid.add(new Identifier(type, canonical, service, observedAt, observedAt == null ? null : zone));
		}
		return valid;
	}

	/** The value in canonical form, if it is exactly one indicator of the type. */
	Optional<String> canonical(IdentifierType type, String value, @Nullable String region) {
		List<Indicator> found = extractor.extract(value,
				ExtractionOptions.forRegion(region).withTypes(INDICATOR_TYPES.get(type)));
		if (found.size() != 1 || !found.get(0).original().strip().equals(value)) {
			return Optional.empty();
		}
		return Optional.of(found.get(0).value());
	}

	private static @Nullable IdentifierType parseType(@Nullable String text) {
		if (text == null) {
			return null;
		}
		try {
			return IdentifierType.valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	static @Nullable ZoneId zone(@Nullable String text) {
		if (text == null) {
			return null;
		}
		try {
			return ZoneId.of(text);
		}
		catch (DateTimeException e) {
			return null;
		}
	}

	private static @Nullable Instant moment(@Nullable String text, ZoneId zone) {
		if (text == null) {
			return null;
		}
		try {
			return LocalDateTime.parse(text).atZone(zone).toInstant();
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	/** A message code of the bundles, {@code validation.} followed by the parts. */
	static String errorCode(String... parts) {
		return "validation." + String.join(".", parts);
	}

	static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
