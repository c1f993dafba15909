package eu.eccp.takedown.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.mail.internet.MimeMessage;

/**
 * Sends notices to hosts that are not on the platform, by e-mail with the XARF JSON attached: an outbox in
 * {@code takedown_notice} (mail_status PENDING). A run claims up to 20 due notices with a lease (a crashed
 * node's claim is taken up once it runs out), sends them, and records the result; failures are retried with a
 * growing wait, six times at most. Runs every 30 s on the scheduler thread and right after a notice is sent;
 * without an SMTP server ({@code spring.mail.host}) notices stay UNDELIVERABLE and the sender sees it.
 */
@Component
class NoticeMailer {

	private static final Logger log = LoggerFactory.getLogger(NoticeMailer.class);

	static final int MAX_ATTEMPTS = 6;
	static final Duration LEASE = Duration.ofMinutes(2);

	private final NoticeRepository notices;
	private final ObjectProvider<JavaMailSender> mail;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final String from;
	/** One thread, at most one run waiting: a burst of notices wakes the mailer once, not once per notice. */
	private final java.util.concurrent.ThreadPoolExecutor wake = new java.util.concurrent.ThreadPoolExecutor(1, 1, 0,
			java.util.concurrent.TimeUnit.MILLISECONDS, new java.util.concurrent.ArrayBlockingQueue<>(1),
			runnable -> new Thread(runnable, "takedown-mail"), new java.util.concurrent.ThreadPoolExecutor.DiscardPolicy());

	NoticeMailer(NoticeRepository notices, ObjectProvider<JavaMailSender> mail, TransactionTemplate transactions,
			Clock clock, @Value("${eccp.notifications.mail-from:no-reply@eccp.invalid}") String from) {
		this.notices = notices;
		this.mail = mail;
		this.transactions = transactions;
		this.clock = clock;
		this.from = from;
	}

	void wakeAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					wake.execute(NoticeMailer.this::run);
				}
			});
		}
	}

	@jakarta.annotation.PreDestroy
	void stop() {
		wake.shutdownNow();
	}

	@Scheduled(fixedDelay = 30_000, initialDelay = 30_000)
	synchronized void run() {
		Instant now = clock.instant();
		List<StoredNotice> due = transactions.execute(status -> notices.claimMail(now, now.plus(LEASE), 20));
		JavaMailSender sender = mail.getIfAvailable();
		for (StoredNotice notice : due) {
			if (sender == null) {
				transactions.executeWithoutResult(s -> notices.mailResult(notice.id(), "UNDELIVERABLE", null,
						"no SMTP server configured (spring.mail.host)"));
				continue;
			}
			try {
				MimeMessage message = sender.createMimeMessage();
				MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
				helper.setFrom(from);
				helper.setTo(notice.hostEmail());
				helper.setSubject(notice.subject());
				helper.setText(notice.body());
				helper.addAttachment(notice.reference() + ".xarf.json",
						new ByteArrayResource(notice.xarf().getBytes(StandardCharsets.UTF_8)), "application/json");
				sender.send(message);
				transactions.executeWithoutResult(s -> notices.mailResult(notice.id(), "SENT", null, null));
				log.info("notice {} mailed", notice.reference());
			}
			catch (Exception e) {
				int attempts = transactions.execute(s -> notices.mailAttempts(notice.id()));
				boolean last = attempts >= MAX_ATTEMPTS;
				Instant retry = last ? null : clock.instant().plus(Duration.ofSeconds(30L << Math.min(attempts, 10)));
				transactions.executeWithoutResult(s -> notices.mailResult(notice.id(), last ? "FAILED" : "PENDING", retry,
						e.getClass().getSimpleName()));
				log.warn("notice {}: mail attempt {} failed ({})", notice.reference(), attempts, e.getClass().getSimpleName());
			}
		}
	}
}
