package eu.eccp.reporting.internal;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * E-mails a reporter their reference and status code when they ask for it, in their language, once the
 * report is stored. Only when mail is configured ({@code spring.mail.host}); the receipt page shows both
 * anyway. A failure to send is logged (by report id, never the address) and changes nothing else.
 */
@Component
class ReceiptMailer {

	private static final Logger log = LoggerFactory.getLogger(ReceiptMailer.class);

	private final ObjectProvider<JavaMailSender> mail;
	private final MessageSource messages;
	private final String from;
	private final String publicUrl;

	ReceiptMailer(ObjectProvider<JavaMailSender> mail, MessageSource messages,
			@Value("${eccp.reporting.mail-from:no-reply@eccp.invalid}") String from,
			@Value("${eccp.public-url:http://localhost:8080}") String publicUrl) {
		this.mail = mail;
		this.messages = messages;
		this.from = from;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
	}

	boolean available() {
		return mail.getIfAvailable() != null;
	}

	/** Sends the receipt after the surrounding transaction commits (at once without one). */
	void sendAfterCommit(String reportId, String to, String reference, String statusToken, String language) {
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			return;
		}
		Runnable send = () -> send(sender, reportId, to, reference, statusToken, language);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					send.run();
				}
			});
		}
		else {
			send.run();
		}
	}

	private void send(JavaMailSender sender, String reportId, String to, String reference, String token, String language) {
		Locale locale = Locale.forLanguageTag(language == null ? "en" : language);
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(from);
		message.setTo(to);
		message.setSubject(messages.getMessage("report.mail.subject", new Object[] { reference }, locale));
		message.setText(messages.getMessage("report.mail.body", new Object[] { reference, token, publicUrl + "/report/status" },
				locale));
		try {
			sender.send(message);
			log.info("receipt of report {} e-mailed", reportId);
		}
		catch (MailException e) {
			log.warn("receipt of report {} could not be e-mailed: {}", reportId, e.getMessage());
		}
	}
}
