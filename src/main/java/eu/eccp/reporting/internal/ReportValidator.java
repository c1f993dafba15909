package eu.eccp.reporting.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import eu.eccp.reporting.Offence;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.Tlp;

/**
 * Checks a submitted report field by field and names every bad field (with a message code of the bundles),
 * so that the form and the API can tell the reporter exactly what to correct.
 */
@Component
class ReportValidator {

	static final int MAX_DESCRIPTION = 20_000;
	static final int MIN_DESCRIPTION = 10;
	static final int MAX_DETAIL_ENTRIES = 50;
	static final int MAX_DETAIL_LENGTH = 2_048;
	static final List<String> DETAIL_KINDS = List.of("urls", "emails", "phones", "ibans", "wallets", "socialAccounts");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,253}\\.[^@\\s.]{2,63}");
	private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{5,24}");
	private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
	private static final Pattern URL_LIKE = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://)?[^\\s/]+\\.[^\\s]+");
	private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

	private final Clock clock;

	ReportValidator(Clock clock) {
		this.clock = clock;
	}

	ValidReport validate(ReportDraft draft) {
		Map<String, String> errors = new LinkedHashMap<>();
		Offence offence = Offence.parse(draft.offence());
		if (offence == null) {
			errors.put("offence", "validation.offence");
		}
		CountryCode residence = country(draft.residenceCountry(), "residenceCountry", errors);
		List<CountryCode> victims = new ArrayList<>();
		List<String> victimTexts = draft.victimCountries() == null ? List.of() : draft.victimCountries();
		for (int i = 0; i < victimTexts.size(); i++) {
			for (String code : victimTexts.get(i).split("[,;\\s]+")) {
				if (!code.isBlank()) {
					CountryCode parsed = country(code, "victimCountries[" + i + "]", errors);
					if (parsed != null && !victims.contains(parsed)) {
						victims.add(parsed);
					}
				}
			}
		}
		Instant occurredAt = null;
		String zone = blankToNull(draft.timeZone());
		if (zone != null) {
			try {
				zone = ZoneId.of(zone).getId();
			}
			catch (DateTimeException e) {
				errors.put("timeZone", "validation.timeZone");
				zone = null;
			}
		}
		if (blankToNull(draft.occurredAt()) != null) {
			occurredAt = instant(draft.occurredAt().strip(), zone, errors);
		}
		BigDecimal amount = null;
		String currency = null;
		String paymentMethod = null;
		if (draft.loss() != null) {
			String amountText = blankToNull(draft.loss().amount());
			if (amountText != null) {
				try {
					amount = new BigDecimal(amountText.replace(" ", "").replace(',', '.'));
					if (amount.signum() < 0 || amount.compareTo(new BigDecimal("1000000000000")) > 0 || amount.scale() > 2) {
						errors.put("loss.amount", "validation.amount");
					}
				}
				catch (NumberFormatException e) {
					errors.put("loss.amount", "validation.amount");
				}
			}
			String currencyText = blankToNull(draft.loss().currency());
			if (currencyText != null) {
				try {
					currency = Currency.getInstance(currencyText.toUpperCase(Locale.ROOT)).getCurrencyCode();
				}
				catch (IllegalArgumentException e) {
					errors.put("loss.currency", "validation.currency");
				}
			}
			else if (amount != null) {
				errors.put("loss.currency", "validation.currency");
			}
			paymentMethod = limited(draft.loss().paymentMethod(), 100, "loss.paymentMethod", errors);
		}
		String description = draft.description() == null ? "" : draft.description().strip();
		// illegal content is given by its web addresses: a description is optional there
		boolean descriptionOptional = offence != null && offence.isIllegalContent();
		if ((description.length() < MIN_DESCRIPTION && !(descriptionOptional && description.isEmpty()))
				|| description.length() > MAX_DESCRIPTION) {
			errors.put("description", "validation.description");
		}
		Map<String, List<String>> details = details(draft.details(), errors);
		if (offence != null && offence.forbidsAttachments() && details.get("urls").isEmpty()) {
			errors.put("details.urls", "validation.csamNeedsUrl");
		}
		else if (offence != null && offence.isIllegalContent() && details.get("urls").isEmpty()) {
			errors.put("details.urls", "validation.contentNeedsUrl");
		}
		String contactName = null;
		String contactEmail = null;
		String contactPhone = null;
		String language = null;
		if (draft.contact() != null) {
			contactName = limited(draft.contact().name(), 200, "contact.name", errors);
			contactEmail = blankToNull(draft.contact().email());
			if (contactEmail != null) {
				contactEmail = contactEmail.strip();
				if (!EMAIL.matcher(contactEmail).matches()) {
					errors.put("contact.email", "validation.email");
				}
			}
			contactPhone = blankToNull(draft.contact().phone());
			if (contactPhone != null && !PHONE.matcher(contactPhone.strip()).matches()) {
				errors.put("contact.phone", "validation.phone");
			}
			language = blankToNull(draft.contact().language());
			if (language != null) {
				language = language.strip().toLowerCase(Locale.ROOT);
				if (!LANGUAGE.matcher(language).matches()) {
					errors.put("contact.language", "validation.language");
				}
			}
		}
		if (Boolean.TRUE.equals(draft.emailReceipt()) && contactEmail == null) {
			errors.putIfAbsent("contact.email", "validation.receiptNeedsEmail");
		}
		String orgReference = limited(draft.organisationReference(), 200, "organisationReference", errors);
		Tlp tlp = Tlp.AMBER;
		if (blankToNull(draft.tlp()) != null) {
			try {
				tlp = Tlp.parse(draft.tlp());
			}
			catch (IllegalArgumentException e) {
				errors.put("tlp", "validation.tlp");
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		return new ValidReport(offence, residence, List.copyOf(victims), occurredAt, zone, amount, currency,
				paymentMethod, description, details, contactName, contactEmail, contactPhone == null ? null : contactPhone.strip(),
				language, Boolean.TRUE.equals(draft.consentToContact()), Boolean.TRUE.equals(draft.consentToShare()),
				orgReference, tlp);
	}

	private @Nullable Instant instant(String text, @Nullable String zone, Map<String, String> errors) {
		Instant result;
		if (hasOffset(text)) {
			try {
				result = OffsetDateTime.parse(text).toInstant();
			}
			catch (DateTimeParseException e) {
				errors.put("occurredAt", "validation.occurredAt");
				return null;
			}
		}
		else {
			LocalDateTime local;
			try {
				local = text.length() <= 10 ? LocalDate.parse(text).atStartOfDay() : LocalDateTime.parse(text);
			}
			catch (DateTimeParseException e) {
				errors.put("occurredAt", "validation.occurredAt");
				return null;
			}
			if (zone == null) {
				errors.put("timeZone", "validation.timeZone");
				return null;
			}
			result = local.atZone(ZoneId.of(zone)).toInstant();
		}
		if (result.isAfter(clock.instant().plus(Duration.ofDays(1)))) {
			errors.put("occurredAt", "validation.occurredInFuture");
			return null;
		}
		return result;
	}

	/**
	 * Whether a date-time names its offset ({@code Z}, {@code +hh:mm} or {@code -hh:mm} after the time): decided
	 * before parsing, so that a local date or time (most reports) is not first tried, and refused with an
	 * exception, as an offset date-time.
	 */
	static boolean hasOffset(String text) {
		int time = Math.max(text.indexOf('T'), text.indexOf('t'));
		if (time < 0) {
			return false;
		}
		for (int i = time + 1; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == 'Z' || c == 'z' || c == '+' || c == '-') {
				return true;
			}
		}
		return false;
	}

	private static Map<String, List<String>> details(ReportDraft.@Nullable Details details, Map<String, String> errors) {
		Map<String, List<String>> result = new LinkedHashMap<>();
		for (String kind : DETAIL_KINDS) {
			List<String> raw = details == null ? null : switch (kind) {
				case "urls" -> details.urls();
				case "emails" -> details.emails();
				case "phones" -> details.phones();
				case "ibans" -> details.ibans();
				case "wallets" -> details.wallets();
				default -> details.socialAccounts();
			};
			Set<String> values = new LinkedHashSet<>();
			if (raw != null) {
				for (String entry : raw) {
					if (entry == null) {
						continue;
					}
					for (String line : entry.split("\\R")) {
						if (!line.isBlank()) {
							values.add(line.strip());
						}
					}
				}
			}
			List<String> list = new ArrayList<>(values);
			if (list.size() > MAX_DETAIL_ENTRIES) {
				errors.put("details." + kind, "validation.tooManyEntries");
			}
			for (int i = 0; i < list.size(); i++) {
				String value = list.get(i);
				String field = "details." + kind + "[" + i + "]";
				if (value.length() > MAX_DETAIL_LENGTH) {
					errors.put(field, "validation.tooLong");
					continue;
				}
				switch (kind) {
					case "urls" -> {
						if (!URL_LIKE.matcher(value).matches()) {
							errors.put(field, "validation.url");
						}
					}
					case "emails" -> {
						if (!EMAIL.matcher(value).matches()) {
							errors.put(field, "validation.email");
						}
					}
					case "phones" -> {
						if (!PHONE.matcher(value).matches()) {
							errors.put(field, "validation.phone");
						}
					}
					case "ibans" -> {
						String iban = value.replace(" ", "").toUpperCase(Locale.ROOT);
						if (!IBAN.matcher(iban).matches() || !ibanChecksumValid(iban)) {
							errors.put(field, "validation.iban");
						}
						else {
							list.set(i, iban);
						}
					}
					default -> {
					}
				}
			}
			result.put(kind, List.copyOf(list));
		}
		return result;
	}

	/** ISO 13616 / ISO 7064 mod 97-10. */
	static boolean ibanChecksumValid(String iban) {
		String rearranged = iban.substring(4) + iban.substring(0, 4);
		StringBuilder digits = new StringBuilder();
		for (char c : rearranged.toCharArray()) {
			digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
		}
		return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
	}

	private static @Nullable CountryCode country(@Nullable String text, String field, Map<String, String> errors) {
		if (blankToNull(text) == null) {
			return null;
		}
		if (!CountryCode.isValid(text)) {
			errors.put(field, "validation.country");
			return null;
		}
		return CountryCode.of(text);
	}

	private static @Nullable String limited(@Nullable String text, int max, String field, Map<String, String> errors) {
		String value = blankToNull(text);
		if (value != null && value.strip().length() > max) {
			errors.put(field, "validation.tooLong");
		}
		return value == null ? null : value.strip();
	}

	static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text;
	}
}
