package eu.eccp.notifications.internal;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.notifications.internal.NotificationSettings.MailDeliveryView;
import eu.eccp.notifications.internal.NotificationSettings.MailSettings;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.SqlTimes;

/** Each organisation's e-mail settings, and the log of the e-mails sent for its notices (its own rows only). */
@Repository
class MailSettingsRepository {

	private static final MailSettings NONE = new MailSettings(List.of(), List.of(), "en");

	private final JdbcClient jdbc;

	MailSettingsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	MailSettings settings(OrganisationId organisation) {
		return jdbc.sql("SELECT mail_addresses, mail_topics, mail_language FROM notification_settings WHERE organisation_id = :org")
			.param("org", organisation.value())
			.query((rs, n) -> new MailSettings(strings(rs.getArray("mail_addresses")), strings(rs.getArray("mail_topics")),
					rs.getString("mail_language")))
			.optional()
			.orElse(NONE);
	}

	/** Stores the settings; a null language keeps the current one (English for a new row). */
	void save(OrganisationId organisation, List<String> addresses, List<String> topics, @Nullable String language,
			UUID by, Instant now) {
		jdbc.sql("""
				INSERT INTO notification_settings (organisation_id, mail_addresses, mail_topics, updated_at, updated_by,
				  mail_language)
				VALUES (:org, CAST(:mail AS text[]), CAST(:topics AS text[]), :now, :user, COALESCE(:language, 'en'))
				ON CONFLICT (organisation_id) DO UPDATE SET mail_addresses = EXCLUDED.mail_addresses,
				  mail_topics = EXCLUDED.mail_topics, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by,
				  mail_language = COALESCE(:language, notification_settings.mail_language)""")
			.param("language", language)
			.param("org", organisation.value())
			.param("mail", addresses.toArray(String[]::new))
			.param("topics", topics.toArray(String[]::new))
			.param("now", Timestamp.from(now))
			.param("user", by)
			.update();
	}

	/** The organisation's last e-mail deliveries, newest first. */
	List<MailDeliveryView> deliveries(OrganisationId organisation, int limit) {
		return jdbc.sql("SELECT * FROM mail_delivery WHERE organisation_id = :org ORDER BY attempted_at DESC LIMIT :limit")
			.param("org", organisation.value())
			.param("limit", limit)
			.query((rs, n) -> new MailDeliveryView(rs.getObject("id", UUID.class), rs.getObject("notice_id", UUID.class),
					rs.getString("recipient"), rs.getBoolean("succeeded"), rs.getString("error"),
					SqlTimes.instant(rs, "attempted_at")))
			.list();
	}

	void recordDelivery(UUID notice, OrganisationId organisation, String to, @Nullable String error, Instant now) {
		jdbc.sql("""
				INSERT INTO mail_delivery (id, notice_id, organisation_id, recipient, succeeded, error, attempted_at)
				VALUES (:id, :notice, :org, :to, :ok, :error, :now)""")
			.param("id", UUID.randomUUID())
			.param("notice", notice)
			.param("org", organisation.value())
			.param("to", to)
			.param("ok", error == null)
			.param("error", error)
			.param("now", Timestamp.from(now))
			.update();
	}

	static List<String> strings(@Nullable Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}
}
