package eu.eccp.takedown.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a notice or removal order in the host's language (English, French, German: the bundles'
 * {@code takedown.letter.*} keys) and its XARF v4 JSON for abuse desks that parse mail automatically
 * ({@code category: content}, {@code type: csam} for child sexual abuse material; other illegal content has no
 * XARF type of its own and goes as {@code illegal_content}).
 */
@Component
class NoticeLetters {

	record Letter(String subject, String body, String xarf) {
	}

	private final MessageSource messages;
	private final JsonMapper json;
	private final String publicUrl;
	private final String mailFrom;

	NoticeLetters(MessageSource messages, JsonMapper json, @Value("${eccp.public-url:http://localhost:8080}") String publicUrl,
			@Value("${eccp.notifications.mail-from:no-reply@eccp.invalid}") String mailFrom) {
		this.messages = messages;
		this.json = json;
		this.publicUrl = publicUrl;
		this.mailFrom = mailFrom;
	}

	Letter write(StoredNotice.Kind kind, String reference, String language, StoredItem item, ContentCategory category,
			String senderName, Map<String, Object> fields, Instant sentAt, Instant deadline, boolean onPlatform) {
		Locale locale = Locale.forLanguageTag(language);
		StringBuilder body = new StringBuilder();
		String subject = text(locale, "takedown.letter.subject." + kind, reference);
		if (kind == StoredNotice.Kind.NOTICE) {
			line(body, text(locale, "takedown.letter.notice.intro", senderName));
			line(body, text(locale, "takedown.letter.url", item.url()));
			line(body, text(locale, "takedown.letter.category", text(locale, "takedown.cat." + category)));
			line(body, text(locale, "takedown.letter.explanation", fields.get("explanation")));
			if (fields.get("notifierName") != null) {
				line(body, text(locale, "takedown.letter.notifier", fields.get("notifierName"), fields.get("notifierEmail")));
			}
			else {
				line(body, text(locale, "takedown.letter.notifierWithheld"));
			}
			line(body, text(locale, "takedown.letter.goodFaith"));
			line(body, text(locale, "takedown.letter.deadline", deadline.toString()));
		}
		else {
			line(body, text(locale, "takedown.letter.order.intro", fields.get("issuingAuthority"), fields.get("authorityReference")));
			line(body, text(locale, "takedown.letter.order.contact", fields.get("authorityContact")));
			line(body, text(locale, "takedown.letter.order.issued", sentAt.toString()));
			line(body, text(locale, "takedown.letter.url", item.url()));
			line(body, text(locale, "takedown.letter.order.reasons", fields.get("reasons")));
			line(body, text(locale, "takedown.letter.order.redress", fields.get("redress")));
			if (fields.get("additionalInformation") != null) {
				line(body, text(locale, "takedown.letter.order.additional", fields.get("additionalInformation")));
			}
			line(body, text(locale, "takedown.letter.order.deadline", deadline.toString()));
			line(body, text(locale, "takedown.letter.order.receipt"));
			line(body, text(locale, "takedown.letter.order.preserve"));
		}
		if (item.hosting() != null && item.hosting().behindCdn()) {
			line(body, text(locale, "takedown.letter.cdn"));
		}
		line(body, onPlatform ? text(locale, "takedown.letter.answerOnPlatform", publicUrl + "/takedown/notices")
				: text(locale, "takedown.letter.answerByMail", reference));
		return new Letter(subject, body.toString(), xarf(reference, item, category, senderName, fields, sentAt));
	}

	String xarf(String reference, StoredItem item, ContentCategory category, String senderName, Map<String, Object> fields,
			Instant sentAt) {
		Map<String, Object> reporter = new LinkedHashMap<>();
		reporter.put("org", senderName);
		reporter.put("contact", fields.get("notifierEmail") != null ? fields.get("notifierEmail") : mailFrom);
		reporter.put("domain", mailFrom.substring(mailFrom.indexOf('@') + 1));
		Map<String, Object> xarf = new LinkedHashMap<>();
		xarf.put("xarf_version", "4.0.0");
		xarf.put("report_id", reference);
		xarf.put("timestamp", sentAt.toString());
		xarf.put("reporter", reporter);
		xarf.put("sender", reporter);
		xarf.put("source_identifier", item.hosting() != null && !item.hosting().addresses().isEmpty()
				? item.hosting().addresses().get(0) : item.host());
		xarf.put("category", "content");
		xarf.put("type", category.csam() ? "csam" : "illegal_content");
		xarf.put("url", item.url());
		xarf.put("domain", item.host());
		xarf.put("detection_method", "human_review");
		xarf.put("tags", java.util.List.of("eccp:" + category.name().toLowerCase(Locale.ROOT)));
		return json.writeValueAsString(xarf);
	}

	private String text(Locale locale, String key, @Nullable Object... arguments) {
		return messages.getMessage(key, arguments, key, locale);
	}

	private static void line(StringBuilder body, String text) {
		body.append(text).append("\n\n");
	}
}
