package eu.eccp.indicators.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.function.Consumer;

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
import jakarta.mail.util.SharedFileInputStream;

/**
 * Reads a saved e-mail (RFC 822, {@code .eml}) with Jakarta Mail (Eclipse Angus): the sender headers and the
 * subject, the IP addresses of the Received hops, the plain and HTML bodies (nested messages too), and the
 * SHA-256 of each attachment.
 *
 * <p>Bounded memory: a message is parsed over a shared stream (Jakarta Mail then hands out each part as a
 * view of it, without copying): the bytes themselves when the message is small, else a temporary file it is
 * spooled to (or the file it already is). Bodies are streamed through the scanner and attachments through the
 * digest.
 */
final class EmlReader {

	/** Headers read in full, in this order. */
	private static final List<String> ADDRESS_HEADERS = List.of("From", "Sender", "Reply-To", "Return-Path", "Subject");

	/** Nested messages deeper than this are not opened (a message/rfc822 bomb). */
	private static final int MAX_DEPTH = 8;

	private final ScanningIndicatorExtractor extractor;
	/**
	 * The mail session messages are parsed in: default properties only, read and never changed, so one for all
	 * (making one reads the providers' resource files from the class path each time).
	 */
	private static final Session SESSION = Session.getInstance(new Properties());

	private final Map<String, Integer> sourceCounts = new HashMap<>();

	EmlReader(ScanningIndicatorExtractor extractor) {
		this.extractor = extractor;
	}

	/** Messages up to this size are parsed in memory; larger ones are spooled to a temporary file first. */
	static final int IN_MEMORY = 4 << 20;

	void read(InputStream eml, ExtractionOptions options, Consumer<Indicator> sink) throws IOException {
		byte[] head = eml.readNBytes(IN_MEMORY);
		if (head.length < IN_MEMORY) {
			read(new SharedByteArrayInputStream(head), 0, "", options, sink);
			return;
		}
		Path spool = spool(head, eml);
		try {
			read(spool, options, sink);
		}
		finally {
			Files.deleteIfExists(spool);
		}
	}

	void read(Path eml, ExtractionOptions options, Consumer<Indicator> sink) throws IOException {
		SharedFileInputStream in = new SharedFileInputStream(eml.toFile());
		try {
			read(in, 0, "", options, sink);
		}
		finally {
			in.close();
		}
	}

	private void read(InputStream shared, int depth, String prefix, ExtractionOptions options,
			Consumer<Indicator> sink) throws IOException {
		try {
			MailProviderLookup.run(() -> {
				MimeMessage message = new MimeMessage(SESSION, shared);
				headers(message, prefix, options, sink);
				part(message, depth, prefix, options, sink);
			});
		}
		catch (MessagingException e) {
			throw new IOException("unreadable e-mail: " + e.getMessage(), e);
		}
	}

	/** Writes what was read and the rest of the stream to a temporary file only its owner can read. */
	private static Path spool(byte[] head, InputStream rest) throws IOException {
		Path file;
		try {
			file = Files.createTempFile("eccp-eml-", ".eml",
					java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
							java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException e) {
			file = Files.createTempFile("eccp-eml-", ".eml");
		}
		try (OutputStream out = Files.newOutputStream(file)) {
			out.write(head);
			rest.transferTo(out);
		}
		catch (IOException | RuntimeException e) {
			Files.deleteIfExists(file);
			throw e;
		}
		return file;
	}

	private void headers(MimeMessage message, String prefix, ExtractionOptions options, Consumer<Indicator> result)
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

	private void part(Part part, int depth, String prefix, ExtractionOptions options, Consumer<Indicator> result)
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
			String nestedPrefix = prefix + "message#" + (depth + 1) + ":";
			try (InputStream in = part.getInputStream()) {
				byte[] head = in.readNBytes(IN_MEMORY);
				if (head.length < IN_MEMORY) {
					read(new SharedByteArrayInputStream(head), depth + 1, nestedPrefix, options, result);
				}
				else {
					Path spool = spool(head, in);
					SharedFileInputStream shared = new SharedFileInputStream(spool.toFile());
					try {
						read(shared, depth + 1, nestedPrefix, options, result);
					}
					finally {
						shared.close();
						Files.deleteIfExists(spool);
					}
				}
			}
			return;
		}
		String fileName = fileName(part);
		boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null;
		if (!attachment && part.isMimeType("text/plain")) {
			Consumer<Indicator> sink = from(result, source(prefix + "body:text/plain"));
			try (Reader text = text(part)) {
				extractor.extract(text, options, sink);
			}
		}
		else if (!attachment && part.isMimeType("text/html")) {
			Consumer<Indicator> sink = from(result, source(prefix + "body:text/html"));
			try (Reader html = text(part)) {
				extractor.extractFromHtml(html, options, sink);
			}
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

	/**
	 * The decoded text of a body part as it streams: in its charset, else UTF-8 (a byte that is not read as
	 * ISO-8859-1, as for uploaded text files).
	 */
	private static Reader text(Part part) throws MessagingException, IOException {
		String charset = null;
		try {
			charset = new ContentType(part.getContentType()).getParameter("charset");
		}
		catch (MessagingException e) {
			// no usable content type: the default below
		}
		Charset known = null;
		if (charset != null) {
			try {
				known = Charset.forName(MimeUtility.javaCharset(charset));
			}
			catch (IllegalArgumentException e) {
				// an unknown charset: the default below
			}
		}
		InputStream in = part.getInputStream();
		return known == null || known.equals(java.nio.charset.StandardCharsets.UTF_8) ? new TextDecoder(in)
				: new InputStreamReader(in, known);
	}

	private void attachment(Part part, @Nullable String fileName, String prefix, Consumer<Indicator> result)
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
		result.accept(new Indicator(IndicatorType.SHA256, hash, fileName != null ? fileName : hash, 0, false,
				extractor.benign(IndicatorType.SHA256, hash), details));
	}

	private static void add(Consumer<Indicator> result, List<Indicator> found, String source) {
		for (Indicator indicator : found) {
			result.accept(indicator.withDetail(Indicator.SOURCE, source));
		}
	}

	private static Consumer<Indicator> from(Consumer<Indicator> result, String source) {
		return indicator -> result.accept(indicator.withDetail(Indicator.SOURCE, source));
	}
}
