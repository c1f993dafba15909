package eu.eccp.awareness.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
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

	private final SubscriptionRepository subscriptions;
	private final MailOutboxRepository outbox;
	private final AuditTrail audit;
	private final Clock clock;

	SubscriptionMail(SubscriptionRepository subscriptions, MailOutboxRepository outbox, AuditTrail audit, Clock clock) {
		this.subscriptions = subscriptions;
		this.outbox = outbox;
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
		Optional<SubscriptionRepository.Current> existing = subscriptions.lockCurrent(address, lang.code(), countryCode);
		if (existing.isPresent() && existing.get().confirmed()) {
			return;
		}
		String token = token();
		UUID id;
		if (existing.isPresent()) {
			id = existing.get().id();
			subscriptions.replaceConfirmHash(id, Hashes.sha256Hex(token));
		}
		else {
			id = UUID.randomUUID();
			subscriptions.insertPending(id, address, lang.code(), countryCode, Hashes.sha256Hex(token), token(), now);
		}
		outbox.queueConfirmation(id, token, now);
		audit.record(AuditActor.SYSTEM, AuditEvent.of("advisory.subscription-requested", "advisory-subscription", id).personal());
	}

	/** Confirms the subscription of a confirmation token; empty when the token is unknown or used. */
	@Transactional
	public Optional<Subscription> confirm(String token) {
		Optional<UUID> id = subscriptions.confirm(Hashes.sha256Hex(token), clock.instant());
		id.ifPresent(i -> audit.record(AuditActor.SYSTEM,
				AuditEvent.of("advisory.subscription-confirmed", "advisory-subscription", i).personal()));
		return id.flatMap(this::find);
	}

	/** Whether the token is a confirmation waiting to be used (the page shows a button before confirming). */
	@Transactional(readOnly = true)
	public boolean confirmable(String token) {
		return subscriptions.pendingWith(Hashes.sha256Hex(token));
	}

	/** Ends the subscription of an unsubscribe token (again: still true); false for an unknown token. */
	@Transactional
	public boolean unsubscribe(String token) {
		Optional<UUID> id = subscriptions.byUnsubscribeToken(token);
		if (id.isEmpty()) {
			return false;
		}
		boolean changed = subscriptions.unsubscribe(id.get(), clock.instant());
		if (changed) {
			audit.record(AuditActor.SYSTEM,
					AuditEvent.of("advisory.unsubscribed", "advisory-subscription", id.get()).personal());
		}
		return true;
	}

	@Transactional(readOnly = true)
	public boolean knownUnsubscribeToken(String token) {
		return subscriptions.byUnsubscribeToken(token).isPresent();
	}

	/**
	 * Queues the e-mail of an advisory's public edition for every confirmed subscriber of one of its languages
	 * and countries (or of all countries), in one statement; a subscriber gets each revision once.
	 *
	 * @return how many were queued
	 */
	int queueAdvisory(PublicAdvisory advisory) {
		return outbox.queueAdvisory(advisory.id().value(), advisory.revision(),
				advisory.languages().stream().map(AdvisoryLanguage::code).toArray(String[]::new),
				AdvisoryRepository.codes(advisory.countries()), clock.instant());
	}

	Optional<Subscription> find(UUID id) {
		return subscriptions.find(id);
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
