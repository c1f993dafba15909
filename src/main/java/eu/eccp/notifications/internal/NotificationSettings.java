package eu.eccp.notifications.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.shared.ShippedLanguages;
import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Role;

/**
 * Where an organisation's notices are e-mailed: the addresses its admins set (a desk's shared mailbox) and
 * the topics mailed (all when none are given; urgent notices always). Only the organisation's own admins
 * read and change them.
 */
@Service
public class NotificationSettings {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s,;<>\"]+@[^@\\s,;<>\"]+\\.[^@\\s,;<>\"]+");

	static final int MAX_ADDRESSES = 10;

	private final MailSettingsRepository repository;
	/** The languages the platform's e-mails are written in. */
	public static final List<String> SHIPPED_LANGUAGES = ShippedLanguages.CODES;

	private final AuditTrail audit;
	private final Clock clock;

	NotificationSettings(MailSettingsRepository repository, AuditTrail audit, Clock clock) {
		this.repository = repository;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * @param mailAddresses where the organisation's notices are e-mailed
	 * @param mailTopics topics mailed besides urgent notices; empty: every topic
	 * @param mailLanguage the language (en, fr, de) of the e-mails to these addresses
	 */
	public record MailSettings(List<String> mailAddresses, List<String> mailTopics, String mailLanguage) {

		public MailSettings {
			mailAddresses = List.copyOf(mailAddresses);
			mailTopics = List.copyOf(mailTopics);
		}

		boolean mails(StoredNotice notice) {
			return notice.urgent() || Topics.matches(mailTopics, notice.topic());
		}
	}

	/** One e-mail sent for a notice, or that could not be sent. */
	public record MailDeliveryView(UUID id, UUID noticeId, String recipient, boolean succeeded, @Nullable String error,
			Instant attemptedAt) {
	}

	@Transactional(readOnly = true)
	public MailSettings mailSettings(CallerContext caller) {
		caller.requireAny(Role.ADMIN);
		return of(caller.organisationId());
	}

	@Transactional
	public MailSettings updateMailSettings(CallerContext caller, @Nullable Collection<String> addresses,
			@Nullable Collection<String> topics) {
		return updateMailSettings(caller, addresses, topics, null);
	}

	/** As above, and the language of the e-mails ({@code en}, {@code fr}, {@code de}; null keeps the current one). */
	@Transactional
	public MailSettings updateMailSettings(CallerContext caller, @Nullable Collection<String> addresses,
			@Nullable Collection<String> topics, @Nullable String language) {
		caller.requireAny(Role.ADMIN);
		List<String> mail = addresses(addresses);
		List<String> subscribed = Topics.parse(topics, "mailTopics");
		if (language != null && !SHIPPED_LANGUAGES.contains(language)) {
			throw new InvalidRequestException("mailLanguage", "validation.mailLanguage");
		}
		repository.save(caller.organisationId(), mail, subscribed, language, caller.userId().value(), clock.instant());
		audit.record(AuditEvent.of("notifications.mail-settings-changed", "organisation", caller.organisationId().value())
			.withDetail("addresses=" + mail.size() + " topics=" + (subscribed.isEmpty() ? "all" : String.join(",", subscribed))));
		return of(caller.organisationId());
	}

	/** The organisation's last e-mail deliveries, newest first. */
	@Transactional(readOnly = true)
	public List<MailDeliveryView> mailLog(CallerContext caller) {
		caller.requireAny(Role.ADMIN);
		return repository.deliveries(caller.organisationId(), 100);
	}

	MailSettings of(OrganisationId organisation) {
		return repository.settings(organisation);
	}

	private static List<String> addresses(@Nullable Collection<String> values) {
		LinkedHashSet<String> addresses = new LinkedHashSet<>();
		if (values != null) {
			for (String value : values) {
				if (value == null) {
					continue;
				}
				for (String address : value.split("[,;\\s]+")) {
					String a = address.strip();
					if (a.isEmpty()) {
						continue;
					}
					if (a.length() > 254 || !EMAIL.matcher(a).matches()) {
						throw new InvalidRequestException("mailAddresses", "validation.notificationEmail");
					}
					addresses.add(a);
				}
			}
		}
		if (addresses.size() > MAX_ADDRESSES) {
			throw new InvalidRequestException("mailAddresses", "validation.notificationEmails");
		}
		return List.copyOf(addresses);
	}
}
