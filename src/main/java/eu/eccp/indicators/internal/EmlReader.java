package eu.eccp.indicators.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.jspecify.annotations.Nullable;

import eu.eccp.indicators.ExtractionOptions;
import eu.eccp.indicators.Indicator;
import eu.eccp.indicators.IndicatorType;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimePartDataSource;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.SharedByteArrayInputStream;

/**
 * Reads a saved e-mail (RFC 822, {@code .eml}) with Jakarta Mail (Eclipse Angus): the sender headers and the
 * subject, the IP addresses of the Received hops, the plain and HTML bodies (nested messages too), and the
 * SHA-256 of each attachment.
 */
final class EmlReader {

	/** Headers read in full, in this order. */
	private static final List<String> ADDRESS_HEADERS = List.of("From", "Sender", "Reply-To", "Return-Path", "Subject");

	/** Nested messages deeper than this are not opened (a message/rfc822 bomb). */
	private static final int MAX_DEPTH = 8;

	private final ScanningIndicatorExtractor extractor;
	private final Session session = Session.getInstance(new Properties());
	private final Map<String, Integer> sourceCounts = new HashMap<>();

	EmlReader(ScanningIndicatorExtractor extractor) {
		this.extractor = extractor;
	}

	List<Indicator> read(InputStream eml, ExtractionOptions options) throws IOException {
		List<Indicator> result = new ArrayList<>();
		try {
			// a shared stream lets Jakarta Mail hand out the parts without copying them
			MimeMessage message = new MimeMessage(session, new SharedByteArrayInputStream(eml.readAllBytes()));
			headers(message, "", options, result);
			part(message, 0, "", options, result);
		}
		catch (MessagingException e) {
			throw new IOException("unreadable e-mail: " + e.getMessage(), e);
		}
		return result;
	}

	private void headers(MimeMessage message, String prefix, ExtractionOptions options, List<Indicator> result)
			throws MessagingException {
		for (String name : ADDRESS_HEADERS) {
			String[] values = message.getHeader(name);
			if (values == null) {
				continue;
			}
			for (String value : values) {
				add(result, extractor.extract(decodeHeader(value), options), prefix + "header:" + name);
			}
		}
		String[] received = message.getHeader("Received");
		if (received != null) {
			ExtractionOptions ipsOnly = options.withTypes(java.util.Set.of(IndicatorType.IPV4, IndicatorType.IPV6));
			for (int hop = 0; hop < received.length; hop++) {
				List<Indicator> ips = new ArrayList<>();
				for (Indicator ip : extractor.extract(decodeHeader(received[hop]), ipsOnly)) {
					if (options.wants(ip.type())) {
						ips.add(ip);
					}
				}
				add(result, ips, prefix + "header:Received#" + (hop + 1));
			}
		}
	}

	private static String decodeHeader(String raw) {
		String unfolded = MimeUtility.unfold(raw);
		try {
			return MimeUtility.decodeText(unfolded);
		}
		catch (UnsupportedEncodingException e) {
			return unfolded;
		}
	}

	private void part(Part part, int depth, String prefix, ExtractionOptions options, List<Indicator> result)
			throws MessagingException, IOException {
		// parts are opened directly rather than through getContent(), which consults the activation
		// framework's type registry on every call
		if (part.isMimeType("multipart/*") && part instanceof MimePart mime) {
			Multipart multipart = new MimeMultipart(new MimePartDataSource(mime));
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				part(child, depth, prefix, options, result);
			}
			return;
		}
		if (part.isMimeType("message/rfc822") && depth < MAX_DEPTH) {
			MimeMessage nested;
			try (InputStream in = part.getInputStream()) {
				nested = new MimeMessage(session, new SharedByteArrayInputStream(in.readAllBytes()));
			}
			String nestedPrefix = prefix + "message#" + (depth + 1) + ":";
			headers(nested, nestedPrefix, options, result);
			part(nested, depth + 1, nestedPrefix, options, result);
			return;
		}
		String fileName = fileName(part);
		boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null;
		if (!attachment && part.isMimeType("text/plain")) {
			add(result, extractor.extract(text(part), options), source(prefix + "body:text/plain"));
		}
		else if (!attachment && part.isMimeType("text/html")) {
			add(result, extractor.extractFromHtml(text(part), options), source(prefix + "body:text/html"));
		}
		else if (options.wants(IndicatorType.SHA256)) {
			attachment(part, fileName, prefix, result);
		}
	}

	private String source(String base) {
		int count = sourceCounts.merge(base, 1, Integer::sum);
		return count == 1 ? base : base + "#" + count;
	}

	private static @Nullable String fileName(Part part) throws MessagingException {
		try {
			String name = part.getFileName();
			return name == null ? null : MimeUtility.decodeText(name);
		}
		catch (UnsupportedEncodingException | MessagingException e) {
			return null;
		}
	}

	/** The decoded text of a body part (UTF-8 without a charset); ISO-8859-1 when its charset is unknown. */
	private static String text(Part part) throws MessagingException, IOException {
		byte[] bytes;
		try (InputStream in = part.getInputStream()) {
			bytes = in.readAllBytes();
		}
		String charset = null;
		try {
			charset = new ContentType(part.getContentType()).getParameter("charset");
		}
		catch (MessagingException e) {
			// no usable content type: the default below
		}
		try {
			return charset == null ? new String(bytes, StandardCharsets.UTF_8)
					: new String(bytes, MimeUtility.javaCharset(charset));
		}
		catch (UnsupportedEncodingException | IllegalArgumentException e) {
			return new String(bytes, StandardCharsets.ISO_8859_1);
		}
	}

	private void attachment(Part part, @Nullable String fileName, String prefix, List<Indicator> result)
			throws MessagingException, IOException {
		MessageDigest sha256;
		try {
			sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
		long size = 0;
		try (InputStream in = part.getInputStream()) {
			byte[] buffer = new byte[8192];
			int read;
			while ((read = in.read(buffer)) > 0) {
				sha256.update(buffer, 0, read);
				size += read;
			}
		}
		String hash = HexFormat.of().formatHex(sha256.digest());
		Map<String, Object> details = new LinkedHashMap<>();
		if (fileName != null) {
			details.put(Indicator.FILE_NAME, fileName);
		}
		String contentType = part.getContentType();
		if (contentType != null) {
			try {
				details.put(Indicator.CONTENT_TYPE, new ContentType(contentType).getBaseType().toLowerCase(Locale.ROOT));
			}
			catch (MessagingException e) {
				// leave the content type out
			}
		}
		details.put(Indicator.SIZE, size);
		details.put(Indicator.SOURCE, source(prefix + "attachment"));
		result.add(new Indicator(IndicatorType.SHA256, hash, fileName != null ? fileName : hash, 0, false,
				extractor.benign(IndicatorType.SHA256, hash), details));
	}

	private static void add(List<Indicator> result, List<Indicator> found, String source) {
		for (Indicator indicator : found) {
			result.add(indicator.withDetail(Indicator.SOURCE, source));
		}
	}
}
