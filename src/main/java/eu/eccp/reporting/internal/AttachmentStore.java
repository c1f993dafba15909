package eu.eccp.reporting.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import eu.eccp.reporting.ReportId;
import eu.eccp.shared.HashedFiles;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.Upload;

/**
 * Keeps attachments as files in {@code DATA_DIR/attachments/REPORT/ATTACHMENT}, outside the web root,
 * streamed (never whole in memory), with their SHA-256. The type is decided from the content, not from the
 * name or the type the browser claims: screenshots (PNG, JPEG, GIF, WebP), PDF, saved e-mails (.eml) and
 * plain text are accepted.
 */
@Component
class AttachmentStore {

	/** A saved e-mail starts with one of these headers. */
	private static final java.util.regex.Pattern MAIL_HEADER = java.util.regex.Pattern
		.compile("(received|return-path|from|delivered-to|message-id|mime-version|date|subject|to|x-[a-z-]+):");

	private final Path root;
	private final ReportingProperties properties;

	AttachmentStore(@Value("${eccp.data-dir:./data}") Path dataDir, ReportingProperties properties) {
		this.root = dataDir.resolve("attachments").toAbsolutePath().normalize();
		this.properties = properties;
	}

	AttachmentView store(ReportId report, Upload file, String field, boolean byReporter, Instant now) {
		if (file.size() > properties.maxAttachmentSize().toBytes()) {
			throw new InvalidRequestException(field, "validation.attachmentTooLarge");
		}
		UUID id = UUID.randomUUID();
		Path target = path(report, id);
		byte[] head = new byte[4096];
		int headLength;
		HashedFiles.Written written;
		try (InputStream in = new BufferedInputStream(file.open())) {
			in.mark(head.length);
			headLength = in.readNBytes(head, 0, head.length);
			in.reset();
			written = HashedFiles.write(in, target, properties.maxAttachmentSize().toBytes());
		}
		catch (HashedFiles.TooLargeException e) {
			throw new InvalidRequestException(field, "validation.attachmentTooLarge");
		}
		catch (IOException e) {
			HashedFiles.deleteQuietly(target);
			throw new UncheckedIOException("could not store an attachment", e);
		}
		String type = detectType(head, headLength, file.fileName());
		if (type == null) {
			HashedFiles.deleteQuietly(target);
			throw new InvalidRequestException(field, "validation.attachmentType");
		}
		return new AttachmentView(id, safeName(file.fileName()), type, written.size(), written.sha256(), now, byReporter);
	}

	Path path(ReportId report, UUID attachment) {
		return root.resolve(report.value().toString()).resolve(attachment.toString());
	}

	void delete(ReportId report, UUID attachment) {
		HashedFiles.deleteQuietly(path(report, attachment));
	}

	/** The content type from the file's first bytes, or null if it is not an accepted kind. */
	static @Nullable String detectType(byte[] head, int length, String fileName) {
		if (starts(head, length, 0x89, 'P', 'N', 'G')) {
			return "image/png";
		}
		if (starts(head, length, 0xFF, 0xD8, 0xFF)) {
			return "image/jpeg";
		}
		if (starts(head, length, 'G', 'I', 'F', '8')) {
			return "image/gif";
		}
		if (length >= 12 && starts(head, length, 'R', 'I', 'F', 'F') && head[8] == 'W' && head[9] == 'E'
				&& head[10] == 'B' && head[11] == 'P') {
			return "image/webp";
		}
		if (starts(head, length, '%', 'P', 'D', 'F')) {
			return "application/pdf";
		}
		if (!isText(head, length)) {
			return null;
		}
		String text = new String(head, 0, length, StandardCharsets.UTF_8);
		String lower = text.toLowerCase(Locale.ROOT);
		boolean hasFrom = lower.startsWith("from:") || lower.contains("\nfrom:");
		boolean startsWithMailHeader = MAIL_HEADER.matcher(lower).lookingAt();
		boolean namedEml = fileName.toLowerCase(Locale.ROOT).endsWith(".eml");
		if (hasFrom && (startsWithMailHeader || namedEml)) {
			return "message/rfc822";
		}
		return "text/plain";
	}

	private static boolean starts(byte[] head, int length, int... bytes) {
		if (length < bytes.length) {
			return false;
		}
		for (int i = 0; i < bytes.length; i++) {
			if ((head[i] & 0xFF) != bytes[i]) {
				return false;
			}
		}
		return true;
	}

	private static boolean isText(byte[] head, int length) {
		if (length == 0) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			int b = head[i] & 0xFF;
			if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B)) {
				return false;
			}
		}
		return true;
	}

	/** A file name safe to show and to send in a Content-Disposition header. */
	static String safeName(String name) {
		String base = name.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^\\p{L}\\p{N}._ -]", "_").strip();
		if (base.isEmpty()) {
			return "attachment";
		}
		return base.length() > 120 ? base.substring(base.length() - 120) : base;
	}
}
