package eu.eccp.notifications.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import eu.eccp.notifications.NoticeSent;
import eu.eccp.organisations.People;

/**
 * E-mails each notice after its sender's transaction commits: a notice for a person to that person's
 * address (to the organisation's addresses when they gave none), any other to the addresses the
 * organisation's admins set, if its topic is mailed (urgent notices always are). The e-mail carries the
 * title and the link, never a record's content, in the recipient's language: the language the person last
 * used on the platform, or the one the organisation's admins chose for its shared addresses. Every message sent or failed is logged in
 * {@code mail_delivery}; without {@code spring.mail.host} nothing is mailed (noted in the log).
 */
@Component
class MailDelivery {

	private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

	private final ObjectProvider<JavaMailSender> mail;
	private final InAppNoticeRepository notices;
	private final MailSettingsRepository mailLog;
	private final NotificationSettings settings;
	private final People people;
	private final MessageSource messages;
	private final NotificationsProperties properties;
	private final String publicUrl;
	private final Clock clock;
	private final NoticeTitles titles;

	MailDelivery(ObjectProvider<JavaMailSender> mail, InAppNoticeRepository notices, MailSettingsRepository mailLog,
			NotificationSettings settings,
			People people, MessageSource messages, NotificationsProperties properties,
			@Value("${eccp.public-url:http://localhost:8080}") String publicUrl, Clock clock, NoticeTitles titles) {
		this.titles = titles;
		this.mail = mail;
		this.notices = notices;
		this.mailLog = mailLog;
		this.settings = settings;
		this.people = people;
		this.messages = messages;
		this.properties = properties;
		this.publicUrl = PublicUrl.strip(publicUrl);
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(NoticeSent event) {
		StoredNotice notice = notices.find(event.noticeId()).orElse(null);
		if (notice == null) {
			return;
		}
		Map<String, Locale> recipients = recipients(notice);
		if (recipients.isEmpty()) {
			return;
		}
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			log.info("notice {} not e-mailed: no SMTP server configured (spring.mail.host)", notice.id());
			return;
		}
		recipients.forEach((to, locale) -> send(sender, notice, to, locale));
	}

	/** Each address with the language its reader gets. */
	private Map<String, Locale> recipients(StoredNotice notice) {
		Map<String, Locale> recipients = new LinkedHashMap<>();
		if (notice.person() != null) {
			Optional<String> address = people.email(notice.person());
			if (address.isPresent()) {
				recipients.put(address.get(), NoticeTitles.locale(people.language(notice.person()).orElse(null)));
				return recipients;
			}
		}
		NotificationSettings.MailSettings mailSettings = settings.of(notice.recipient());
		if (mailSettings.mails(notice)) {
			Locale locale = NoticeTitles.locale(mailSettings.mailLanguage());
			mailSettings.mailAddresses().forEach(address -> recipients.put(address, locale));
		}
		return recipients;
	}

	private void send(JavaMailSender sender, StoredNotice notice, String to, Locale locale) {
		String title = notice.title(titles, locale);
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(properties.mailFrom());
		message.setTo(to);
		message.setSubject(messages.getMessage(notice.urgent() ? "notifications.mail.subjectUrgent" : "notifications.mail.subject",
				new Object[] { title }, locale));
		message.setText(messages.getMessage("notifications.mail.body",
				new Object[] { title, publicUrl + notice.link(), publicUrl + "/notifications" }, locale));
		String error = null;
		try {
			sender.send(message);
			log.info("notice {} e-mailed", notice.id());
		}
		catch (MailException e) {
			error = e.getClass().getSimpleName() + ": " + e.getMessage();
			log.warn("notice {} could not be e-mailed: {}", notice.id(), e.getMessage());
		}
		record(notice, to, error);
	}

	private void record(StoredNotice notice, String to, @Nullable String error) {
		mailLog.recordDelivery(notice.id(), notice.recipient(), to, error == null ? null : PublicUrl.shorten(error, 500),
				clock.instant());
	}
}
