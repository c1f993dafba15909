package eu.eccp.awareness.internal;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import eu.eccp.shared.CountryCode;

/**
 * Writes the current advisories of one language (and country) as an Atom 1.0 (RFC 4287) or RSS 2.0 feed, with
 * the JDK's StAX writer. Entries carry the public edition's title, summary and link, and the link to the CAP
 * message; nothing else.
 */
@Component
public class AdvisoryFeeds {

	private static final String ATOM = "http://www.w3.org/2005/Atom";

	private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

	private final AwarenessProperties properties;
	private final MessageSource messages;
	private final String publicUrl;

	AdvisoryFeeds(AwarenessProperties properties, MessageSource messages,
			@Value("${eccp.public-url:http://localhost:8080}") String publicUrl) {
		this.properties = properties;
		this.messages = messages;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
	}

	public String atom(List<PublicAdvisory> advisories, AdvisoryLanguage language, @Nullable CountryCode country, Instant now) {
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter xml = XML.createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.setDefaultNamespace(ATOM);
			xml.writeStartElement(ATOM, "feed");
			xml.writeDefaultNamespace(ATOM);
			xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", language.code());
			String self = publicUrl + feedPath(language, country, "atom");
			element(xml, ATOM, "id", self);
			element(xml, ATOM, "title", title(language, country));
			element(xml, ATOM, "updated", atomTime(advisories.isEmpty() ? now : advisories.get(0).updatedAt()));
			link(xml, "self", self, "application/atom+xml");
			link(xml, "alternate", publicUrl + "/advisories?lang=" + language.code(), "text/html");
			xml.writeStartElement(ATOM, "author");
			element(xml, ATOM, "name", properties.senderName());
			xml.writeEndElement();
			for (PublicAdvisory advisory : advisories) {
				AdvisoryText text = advisory.text(language);
				xml.writeStartElement(ATOM, "entry");
				element(xml, ATOM, "id", "urn:uuid:" + advisory.id());
				element(xml, ATOM, "title", text.title());
				element(xml, ATOM, "updated", atomTime(advisory.updatedAt()));
				element(xml, ATOM, "published", atomTime(advisory.publishedAt()));
				link(xml, "alternate", page(advisory, language), "text/html");
				link(xml, "related", publicUrl + "/advisories/" + advisory.id() + "/cap.xml", "application/cap+xml");
				xml.writeStartElement(ATOM, "category");
				xml.writeAttribute("term", advisory.offence().name());
				xml.writeAttribute("label", messages.getMessage("offence." + advisory.offence().name() + ".name", null,
						language.locale()));
				xml.writeEndElement();
				element(xml, ATOM, "summary", text.summary());
				xml.writeEndElement();
			}
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException e) {
			throw new IllegalStateException("could not write the feed", e);
		}
		return out.toString();
	}

	public String rss(List<PublicAdvisory> advisories, AdvisoryLanguage language, @Nullable CountryCode country, Instant now) {
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter xml = XML.createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeStartElement("rss");
			xml.writeAttribute("version", "2.0");
			xml.writeNamespace("atom", ATOM);
			xml.writeStartElement("channel");
			element(xml, null, "title", title(language, country));
			element(xml, null, "link", publicUrl + "/advisories?lang=" + language.code());
			element(xml, null, "description", messages.getMessage("awareness.feed.description", null, language.locale()));
			element(xml, null, "language", language.code());
			element(xml, null, "lastBuildDate", rssTime(advisories.isEmpty() ? now : advisories.get(0).updatedAt()));
			xml.writeEmptyElement(ATOM, "link");
			xml.writeAttribute("href", publicUrl + feedPath(language, country, "rss"));
			xml.writeAttribute("rel", "self");
			xml.writeAttribute("type", "application/rss+xml");
			for (PublicAdvisory advisory : advisories) {
				AdvisoryText text = advisory.text(language);
				xml.writeStartElement("item");
				element(xml, null, "title", text.title());
				element(xml, null, "link", page(advisory, language));
				element(xml, null, "description", text.summary());
				element(xml, null, "category", messages.getMessage("offence." + advisory.offence().name() + ".name", null,
						language.locale()));
				xml.writeStartElement("guid");
				xml.writeAttribute("isPermaLink", "false");
				xml.writeCharacters("urn:uuid:" + advisory.id() + ":" + advisory.revision());
				xml.writeEndElement();
				element(xml, null, "pubDate", rssTime(advisory.updatedAt()));
				xml.writeEndElement();
			}
			xml.writeEndElement();
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException e) {
			throw new IllegalStateException("could not write the feed", e);
		}
		return out.toString();
	}

	public static String feedPath(AdvisoryLanguage language, @Nullable CountryCode country, String format) {
		return "/advisories/feed/" + language.code() + (country == null ? "" : "/" + country.value()) + "." + format;
	}

	private String title(AdvisoryLanguage language, @Nullable CountryCode country) {
		Locale locale = language.locale();
		return country == null ? messages.getMessage("awareness.feed.title", null, locale)
				: messages.getMessage("awareness.feed.titleCountry", new Object[] { country.displayName(locale) }, locale);
	}

	private String page(PublicAdvisory advisory, AdvisoryLanguage language) {
		return publicUrl + "/advisories/" + advisory.id() + "?lang=" + language.code();
	}

	private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
		xml.writeEmptyElement(ATOM, "link");
		xml.writeAttribute("rel", rel);
		xml.writeAttribute("href", href);
		xml.writeAttribute("type", type);
	}

	private static void element(XMLStreamWriter xml, @Nullable String namespace, String name, String value)
			throws XMLStreamException {
		if (namespace == null) {
			xml.writeStartElement(name);
		}
		else {
			xml.writeStartElement(namespace, name);
		}
		xml.writeCharacters(value);
		xml.writeEndElement();
	}

	private static String atomTime(Instant instant) {
		return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
	}

	private static String rssTime(Instant instant) {
		return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
	}
}
