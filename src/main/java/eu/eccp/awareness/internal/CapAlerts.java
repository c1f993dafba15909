package eu.eccp.awareness.internal;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.stream.Collectors;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import eu.eccp.awareness.internal.PublicAdvisory.CapMessage;
import eu.eccp.awareness.internal.PublicAdvisory.MessageType;
import eu.eccp.shared.CountryCode;

/**
 * Writes an advisory's latest message as an OASIS CAP 1.2 alert: {@code status} Actual, {@code msgType} Alert
 * for the first publication, Update for a later approved edition and Cancel for a withdrawal, each later
 * message naming all earlier ones in {@code references}; one {@code info} block per language of the public
 * edition, with an {@code area} per affected country (geocode ISO 3166-1). Written with the JDK's StAX writer,
 * which escapes everything; the tests validate the output against the official CAP 1.2 schema.
 */
@Component
public class CapAlerts {

	public static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";

	/** CAP's dateTime: seconds and a numeric offset ({@code 2026-12-01T10:00:00+00:00}), never {@code Z}. */
	private static final DateTimeFormatter CAP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

	private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

	private final AwarenessProperties properties;
	private final MessageSource messages;
	private final String publicUrl;

	CapAlerts(AwarenessProperties properties, MessageSource messages,
			@Value("${eccp.public-url:http://localhost:8080}") String publicUrl) {
		this.properties = properties;
		this.messages = messages;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
	}

	/** The CAP identifier of one message of the advisory. */
	public static String identifier(PublicAdvisory advisory, int revision) {
		return "eccp-advisory-" + advisory.id() + "-" + revision;
	}

	public String write(PublicAdvisory advisory) {
		CapMessage last = advisory.lastMessage();
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter xml = XML.createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.setDefaultNamespace(NAMESPACE);
			xml.writeStartElement(NAMESPACE, "alert");
			xml.writeDefaultNamespace(NAMESPACE);
			element(xml, "identifier", identifier(advisory, last.revision()));
			element(xml, "sender", properties.capSender());
			element(xml, "sent", time(last.sentAt()));
			element(xml, "status", "Actual");
			element(xml, "msgType", switch (last.type()) {
				case ALERT -> "Alert";
				case UPDATE -> "Update";
				case CANCEL -> "Cancel";
			});
			element(xml, "scope", "Public");
			if (last.type() != MessageType.ALERT) {
				element(xml, "references", advisory.messages().stream().filter(m -> m.revision() < last.revision())
					.map(m -> properties.capSender() + "," + identifier(advisory, m.revision()) + "," + time(m.sentAt()))
					.collect(Collectors.joining(" ")));
			}
			for (AdvisoryLanguage language : advisory.languages()) {
				info(xml, advisory, language, last);
			}
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException e) {
			throw new IllegalStateException("could not write CAP", e);
		}
		return out.toString();
	}

	private void info(XMLStreamWriter xml, PublicAdvisory advisory, AdvisoryLanguage language, CapMessage last)
			throws XMLStreamException {
		Locale locale = language.locale();
		AdvisoryText text = advisory.texts().get(language);
		xml.writeStartElement(NAMESPACE, "info");
		element(xml, "language", language.code());
		element(xml, "category", "Security");
		element(xml, "event", messages.getMessage("offence." + advisory.offence().name() + ".name", null, locale));
		element(xml, "responseType", last.type() == MessageType.CANCEL ? "AllClear" : "Avoid");
		element(xml, "urgency", last.type() == MessageType.CANCEL ? "Past" : "Expected");
		element(xml, "severity", "Moderate");
		element(xml, "certainty", "Observed");
		element(xml, "audience", messages.getMessage("awareness.cap.audience", null, locale));
		element(xml, "effective", time(advisory.publishedAt()));
		if (advisory.expiresAt() != null) {
			element(xml, "expires", time(advisory.expiresAt()));
		}
		element(xml, "senderName", properties.senderName());
		element(xml, "headline", text.title());
		element(xml, "description", join(text.summary(), text.happening(), text.recognise()));
		element(xml, "instruction", join(text.advice(), text.reportHow(),
				messages.getMessage("awareness.cap.report", new Object[] { publicUrl + "/report?lang=" + language.code() }, locale)));
		element(xml, "web", publicUrl + "/advisories/" + advisory.id() + "?lang=" + language.code());
		for (CountryCode country : advisory.countries()) {
			xml.writeStartElement(NAMESPACE, "area");
			element(xml, "areaDesc", country.displayName(locale));
			xml.writeStartElement(NAMESPACE, "geocode");
			element(xml, "valueName", "ISO 3166-1");
			element(xml, "value", country.value());
			xml.writeEndElement();
			xml.writeEndElement();
		}
		xml.writeEndElement();
	}

	private static String join(String... parts) {
		return java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining("\n\n"));
	}

	private static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
		xml.writeStartElement(NAMESPACE, name);
		xml.writeCharacters(value);
		xml.writeEndElement();
	}

	static String time(Instant instant) {
		return CAP_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
	}
}
