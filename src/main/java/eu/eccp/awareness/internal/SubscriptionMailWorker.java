package eu.eccp.awareness.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import eu.eccp.awareness.AdvisoryId;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends the subscription outbox ({@code advisory_mail}): each run claims at most {@code mail-batch} due e-mails
 * with {@code FOR UPDATE SKIP LOCKED} and leases them ({@code mail-lease}) in one short transaction, then sends
 * them one by one on the scheduler's thread (no pool of its own) and marks each sent. Several nodes share the
 * queue; an e-mail whose node died mid-send is sent again once its lease has run out (at least once). A failure
 * is retried after 30 s, doubled per attempt, up to {@code mail-max-attempts}. Plain text only: no images, no
 * tracking; every advisory e-mail carries {@code List-Unsubscribe} and {@code List-Unsubscribe-Post:
 * List-Unsubscribe=One-Click} (RFC 8058). Without {@code spring.mail.host} nothing is sent and the queue waits.
 */
@Component
class SubscriptionMailWorker {

	private static final Logger log = LoggerFactory.getLogger(SubscriptionMailWorker.class);

	private final ObjectProvider<JavaMailSender> mail;
	private final MailOutboxRepository outbox;
	private final TransactionTemplate transactions;
	private final SubscriptionMail subscriptions;
	private final PublicAdvisories advisories;
	private final MessageSource messages;
	private final AwarenessProperties properties;
	private final String publicUrl;
	private final Clock clock;

	SubscriptionMailWorker(ObjectProvider<JavaMailSender> mail, MailOutboxRepository outbox, TransactionTemplate transactions,
			SubscriptionMail subscriptions, PublicAdvisories advisories, MessageSource messages,
			AwarenessProperties properties, @Value("${eccp.public-url:http://localhost:8080}") String publicUrl,
			Clock clock) {
		this.mail = mail;
		this.outbox = outbox;
		this.transactions = transactions;
		this.subscriptions = subscriptions;
		this.advisories = advisories;
		this.messages = messages;
		this.properties = properties;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${eccp.awareness.mail-poll-interval:5s}", initialDelayString = "${eccp.awareness.mail-poll-interval:5s}")
	public int sendDue() {
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			return 0;
		}
		List<MailOutboxRepository.Claimed> claimed = claim();
		for (MailOutboxRepository.Claimed item : claimed) {
			send(sender, item);
		}
		return claimed.size();
	}

	private List<MailOutboxRepository.Claimed> claim() {
		Instant now = clock.instant();
		return transactions.execute(status -> outbox.claim(properties.mailBatch(), now, now.plus(properties.mailLease())));
	}

	private void send(JavaMailSender sender, MailOutboxRepository.Claimed item) {
		SubscriptionMail.Subscription subscription = subscriptions.find(item.subscription()).orElse(null);
		if (subscription == null || subscription.language() == null
				|| (item.kind().equals("ADVISORY") && !subscription.isConfirmed())) {
			finish(item, "subscription ended");
			return;
		}
		try {
			MimeMessage message = item.kind().equals("CONFIRM") ? confirmation(sender, subscription, item)
					: advisory(sender, subscription, item);
			if (message == null) {
				finish(item, "advisory no longer public");
				return;
			}
			sender.send(message);
			outbox.markSent(item.id(), clock.instant());
			log.info("subscription e-mail {} ({}) sent", item.id(), item.kind());
		}
		catch (MailException | MessagingException e) {
			boolean last = item.attempts() >= properties.mailMaxAttempts();
			Duration wait = Duration.ofSeconds(30L << Math.min(item.attempts() - 1, 16));
			outbox.markAttemptFailed(item.id(), e.getClass().getSimpleName(), clock.instant().plus(wait), last, clock.instant());
			log.warn("subscription e-mail {} could not be sent (attempt {}): {}", item.id(), item.attempts(),
					e.getClass().getSimpleName());
		}
	}

	private void finish(MailOutboxRepository.Claimed item, String reason) {
		outbox.markAbandoned(item.id(), reason, clock.instant());
	}

	private MimeMessage confirmation(JavaMailSender sender, SubscriptionMail.Subscription s, MailOutboxRepository.Claimed item)
			throws MessagingException {
		Locale locale = s.language().locale();
		String link = publicUrl + "/advisories/subscription/confirm/" + item.confirmToken();
		String scope = scope(s, locale);
		return message(sender, s, messages.getMessage("awareness.mail.confirm.subject", null, locale),
				messages.getMessage("awareness.mail.confirm.body", new Object[] { scope, link }, locale));
	}

	private @Nullable MimeMessage advisory(JavaMailSender sender, SubscriptionMail.Subscription s, MailOutboxRepository.Claimed item)
			throws MessagingException {
		PublicAdvisory advisory = item.advisory() == null ? null : advisories.find(new AdvisoryId(item.advisory())).orElse(null);
		if (advisory == null || !advisory.isCurrent(clock.instant()) || !advisory.hasLanguage(s.language())) {
			return null;
		}
		Locale locale = s.language().locale();
		AdvisoryText text = advisory.text(s.language());
		String page = publicUrl + "/advisories/" + advisory.id() + "?lang=" + s.language().code();
		String body = messages.getMessage("awareness.mail.advisory.body", new Object[] { text.title(), text.summary(),
				text.advice(), page, publicUrl + "/report?lang=" + s.language().code(), unsubscribeUrl(s) }, locale);
		String subject = messages.getMessage(advisory.revision() > 1 ? "awareness.mail.advisory.subjectUpdated"
				: "awareness.mail.advisory.subject", new Object[] { text.title() }, locale);
		return message(sender, s, subject, body);
	}

	private MimeMessage message(JavaMailSender sender, SubscriptionMail.Subscription s, String subject, String body)
			throws MessagingException {
		MimeMessage message = sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
		helper.setFrom(properties.mailFrom());
		helper.setTo(s.email());
		helper.setSubject(subject);
		helper.setText(body, false);
		message.setHeader("List-Unsubscribe", "<" + unsubscribeUrl(s) + ">");
		message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		message.setHeader("Auto-Submitted", "auto-generated");
		return message;
	}

	private String unsubscribeUrl(SubscriptionMail.Subscription s) {
		return publicUrl + "/advisories/subscription/unsubscribe/" + s.unsubscribeToken();
	}

	private String scope(SubscriptionMail.Subscription s, Locale locale) {
		String language = new Locale(s.language().code()).getDisplayLanguage(locale);
		String country = s.country() == null ? messages.getMessage("awareness.subscribe.allCountries", null, locale)
				: new Locale("", s.country()).getDisplayCountry(locale);
		return language + ", " + country;
	}
}
