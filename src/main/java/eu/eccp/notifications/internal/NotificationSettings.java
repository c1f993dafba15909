package eu.eccp.notifications.internal;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Role;
import eu.eccp.shared.SqlTimes;

/**
 * Where an organisation's notices are e-mailed: the addresses its admins set (a desk's shared mailbox) and
 * the topics mailed (all when none are given; urgent notices always). Only the organisation's own admins
 * read and change them.
 */
@Service
public class NotificationSettings {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s,;<>\"]+@[^@\\s,;<>\"]+\\.[^@\\s,;<>\"]+");

	static final int MAX_ADDRESSES = 10;

	private final JdbcClient jdbc;
	/** The languages the platform's e-mails are written in. */
	public static final List<String> SHIPPED_LANGUAGES = List.of("en", "fr", "de");

	private final AuditTrail audit;
	private final Clock clock;

	NotificationSettings(JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
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
		jdbc.sql("""
				INSERT INTO notification_settings (organisation_id, mail_addresses, mail_topics, updated_at, updated_by,
				  mail_language)
				VALUES (:org, CAST(:mail AS text[]), CAST(:topics AS text[]), :now, :user, COALESCE(:language, 'en'))
				ON CONFLICT (organisation_id) DO UPDATE SET mail_addresses = EXCLUDED.mail_addresses,
				  mail_topics = EXCLUDED.mail_topics, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by,
				  mail_language = COALESCE(:language, notification_settings.mail_language)""")
			.param("language", language)
			.param("org", caller.organisationId().value())
			.param("mail", mail.toArray(String[]::new))
			.param("topics", subscribed.toArray(String[]::new))
			.param("now", Timestamp.from(clock.instant()))
			.param("user", caller.userId().value())
			.update();
		audit.record(AuditEvent.of("notifications.mail-settings-changed", "organisation", caller.organisationId().value())
			.withDetail("addresses=" + mail.size() + " topics=" + (subscribed.isEmpty() ? "all" : String.join(",", subscribed))));
		return of(caller.organisationId());
	}

	/** The organisation's last e-mail deliveries, newest first. */
	@Transactional(readOnly = true)
	public List<MailDeliveryView> mailLog(CallerContext caller) {
		caller.requireAny(Role.ADMIN);
		return jdbc.sql("SELECT * FROM mail_delivery WHERE organisation_id = :org ORDER BY attempted_at DESC LIMIT 100")
			.param("org", caller.organisationId().value())
			.query((rs, n) -> new MailDeliveryView(rs.getObject("id", UUID.class), rs.getObject("notice_id", UUID.class),
					rs.getString("recipient"), rs.getBoolean("succeeded"), rs.getString("error"),
					SqlTimes.instant(rs, "attempted_at")))
			.list();
	}

	MailSettings of(OrganisationId organisation) {
		return jdbc.sql("SELECT mail_addresses, mail_topics, mail_language FROM notification_settings WHERE organisation_id = :org")
			.param("org", organisation.value())
			.query((rs, n) -> new MailSettings(strings(rs.getArray("mail_addresses")), strings(rs.getArray("mail_topics")),
					rs.getString("mail_language")))
			.optional()
			.orElse(new MailSettings(List.of(), List.of(), "en"));
	}

	static List<String> strings(@Nullable Array array) throws java.sql.SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
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
