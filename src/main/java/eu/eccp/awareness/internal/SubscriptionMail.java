package eu.eccp.awareness.internal;

import static eu.eccp.shared.SqlTimes.at;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditActor;
import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.Hashes;
import eu.eccp.shared.InvalidRequestException;

/**
 * E-mail subscriptions by language and country, with double opt-in: a request stores a pending subscription
 * and queues a confirmation e-mail (its token is kept only as a hash once sent); only the link in it confirms.
 * Every e-mail carries a one-click unsubscribe link (RFC 8058). The same answer is given whether or not the
 * address was subscribed already, so the form reveals nobody's subscriptions. E-mails go through the outbox
 * ({@code advisory_mail}), sent by {@link SubscriptionMailWorker}.
 */
@Service
public class SubscriptionMail {

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final Clock clock;

	SubscriptionMail(JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** Asks for a subscription; a confirmation e-mail follows unless the address is confirmed for it already. */
	@Transactional
	public void subscribe(@Nullable String email, @Nullable String language, @Nullable String country) {
		java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
		String address = email == null ? "" : email.strip();
		if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
			errors.put("email", "validation.email");
		}
		AdvisoryLanguage lang = AdvisoryLanguage.parse(language);
		if (lang == null) {
			errors.put("language", "awareness.validation.language");
		}
		String countryCode = null;
		if (country != null && !country.isBlank()) {
			if (!CountryCode.isValid(country)) {
				errors.put("country", "validation.country");
			}
			else {
				countryCode = CountryCode.of(country).value();
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		Instant now = clock.instant();
		record Existing(UUID id, String status) {
		}
		Optional<Existing> existing = jdbc.sql("""
				SELECT id, status FROM advisory_subscription
				WHERE lower(email) = lower(:email) AND language = :language AND COALESCE(country, '--') = COALESCE(:country, '--')
				  AND status <> 'UNSUBSCRIBED' FOR UPDATE""")
			.param("email", address)
			.param("language", lang.code())
			.param("country", countryCode)
			.query((rs, n) -> new Existing(rs.getObject(1, UUID.class), rs.getString(2)))
			.optional();
		if (existing.isPresent() && existing.get().status().equals("CONFIRMED")) {
			return;
		}
		String token = token();
		UUID id;
		if (existing.isPresent()) {
			id = existing.get().id();
			jdbc.sql("UPDATE advisory_subscription SET confirm_hash = :hash WHERE id = :id")
				.param("id", id)
				.param("hash", Hashes.sha256Hex(token))
				.update();
		}
		else {
			id = UUID.randomUUID();
			jdbc.sql("""
					INSERT INTO advisory_subscription (id, email, language, country, status, confirm_hash, unsubscribe_token, created_at)
					VALUES (:id, :email, :language, :country, 'PENDING', :hash, :unsubscribe, :now)""")
				.param("id", id)
				.param("email", address)
				.param("language", lang.code())
				.param("country", countryCode)
				.param("hash", Hashes.sha256Hex(token))
				.param("unsubscribe", token())
				.param("now", at(now))
				.update();
		}
		jdbc.sql("""
				INSERT INTO advisory_mail (id, subscription_id, kind, confirm_token, next_attempt_at)
				VALUES (:id, :subscription, 'CONFIRM', :token, :now)""")
			.param("id", UUID.randomUUID())
			.param("subscription", id)
			.param("token", token)
			.param("now", at(now))
			.update();
		audit.record(AuditActor.SYSTEM, AuditEvent.of("advisory.subscription-requested", "advisory-subscription", id).personal());
	}

	/** Confirms the subscription of a confirmation token; empty when the token is unknown or used. */
	@Transactional
	public Optional<Subscription> confirm(String token) {
		Optional<UUID> id = jdbc.sql("""
				UPDATE advisory_subscription SET status = 'CONFIRMED', confirmed_at = :now, confirm_hash = NULL
				WHERE confirm_hash = :hash AND status = 'PENDING' RETURNING id""")
			.param("hash", Hashes.sha256Hex(token))
			.param("now", at(clock.instant()))
			.query(UUID.class)
			.optional();
		id.ifPresent(i -> audit.record(AuditActor.SYSTEM,
				AuditEvent.of("advisory.subscription-confirmed", "advisory-subscription", i).personal()));
		return id.flatMap(this::find);
	}

	/** Whether the token is a confirmation waiting to be used (the page shows a button before confirming). */
	@Transactional(readOnly = true)
	public boolean confirmable(String token) {
		return jdbc.sql("SELECT count(*) FROM advisory_subscription WHERE confirm_hash = :hash AND status = 'PENDING'")
			.param("hash", Hashes.sha256Hex(token))
			.query(Long.class)
			.single() > 0;
	}

	/** Ends the subscription of an unsubscribe token (again: still true); false for an unknown token. */
	@Transactional
	public boolean unsubscribe(String token) {
		Optional<UUID> id = jdbc.sql("SELECT id FROM advisory_subscription WHERE unsubscribe_token = :token")
			.param("token", token)
			.query(UUID.class)
			.optional();
		if (id.isEmpty()) {
			return false;
		}
		int changed = jdbc.sql("""
				UPDATE advisory_subscription SET status = 'UNSUBSCRIBED', unsubscribed_at = :now, confirm_hash = NULL
				WHERE id = :id AND status <> 'UNSUBSCRIBED'""")
			.param("id", id.get())
			.param("now", at(clock.instant()))
			.update();
		if (changed > 0) {
			audit.record(AuditActor.SYSTEM,
					AuditEvent.of("advisory.unsubscribed", "advisory-subscription", id.get()).personal());
		}
		return true;
	}

	@Transactional(readOnly = true)
	public boolean knownUnsubscribeToken(String token) {
		return jdbc.sql("SELECT count(*) FROM advisory_subscription WHERE unsubscribe_token = :token")
			.param("token", token)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Queues the e-mail of an advisory's public edition for every confirmed subscriber of one of its languages
	 * and countries (or of all countries), in one statement; a subscriber gets each revision once.
	 *
	 * @return how many were queued
	 */
	int queueAdvisory(PublicAdvisory advisory) {
		return jdbc.sql("""
				INSERT INTO advisory_mail (id, subscription_id, kind, advisory_id, revision, next_attempt_at)
				SELECT gen_random_uuid(), s.id, 'ADVISORY', :advisory, :revision, :now
				FROM advisory_subscription s
				WHERE s.status = 'CONFIRMED' AND s.language = ANY(:languages)
				  AND (s.country IS NULL OR s.country = ANY(:countries))
				ON CONFLICT (subscription_id, advisory_id, revision) DO NOTHING""")
			.param("advisory", advisory.id().value())
			.param("revision", advisory.revision())
			.param("now", at(clock.instant()))
			.param("languages", advisory.languages().stream().map(AdvisoryLanguage::code).toArray(String[]::new))
			.param("countries", AdvisoryRepository.codes(advisory.countries()))
			.update();
	}

	Optional<Subscription> find(UUID id) {
		return jdbc.sql("SELECT * FROM advisory_subscription WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new Subscription(rs.getObject("id", UUID.class), rs.getString("email"),
					AdvisoryLanguage.parse(rs.getString("language")), rs.getString("country"), rs.getString("status"),
					rs.getString("unsubscribe_token")))
			.optional();
	}

	/** A subscription as the mailer needs it. */
	public record Subscription(UUID id, String email, @Nullable AdvisoryLanguage language, @Nullable String country,
			String status, String unsubscribeToken) {

		public boolean isConfirmed() {
			return status.equals("CONFIRMED");
		}
	}

	private static String token() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
