package eu.eccp.contactpoints.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import eu.eccp.shared.InvalidRequestException;

/**
 * Keeps message attachments as files in {@code DATA_DIR/requests/REQUEST/ATTACHMENT}, outside the web root,
 * copied as streams (never whole in memory) with their SHA-256 and a size limit.
 */
@Component
class AttachmentFiles {

	/** Content types kept as claimed; anything else is stored as {@code application/octet-stream}. */
	private static final Set<String> KNOWN_TYPES = Set.of("application/pdf", "image/png", "image/jpeg", "text/plain",
			"text/csv", "message/rfc822", "application/zip");

	record Stored(UUID id, String fileName, String contentType, long size, String sha256) {
	}

	private final Path root;
	private final ContactPointsProperties properties;

	AttachmentFiles(@Value("${eccp.data-dir:./data}") Path dataDir, ContactPointsProperties properties) {
		this.root = dataDir.resolve("requests").toAbsolutePath().normalize();
		this.properties = properties;
	}

	Stored store(UUID request, Upload upload) {
		UUID id = UUID.randomUUID();
		Path target = path(request, id);
		long limit = properties.maxAttachmentSize().toBytes();
		try {
			Files.createDirectories(target.getParent());
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			long size = 0;
			try (InputStream in = upload.open();
					OutputStream out = new DigestOutputStream(Files.newOutputStream(target), sha256)) {
				byte[] buffer = new byte[64 * 1024];
				int n;
				while ((n = in.read(buffer)) > 0) {
					size += n;
					if (size > limit) {
						throw new InvalidRequestException("files", "validation.request.attachmentTooLarge");
					}
					out.write(buffer, 0, n);
				}
			}
			if (size == 0) {
				throw new InvalidRequestException("files", "validation.request.emptyFile");
			}
			return new Stored(id, safeName(upload.fileName()), safeType(upload.contentType()), size,
					HexFormat.of().formatHex(sha256.digest()));
		}
		catch (InvalidRequestException e) {
			deleteQuietly(target);
			throw e;
		}
		catch (IOException e) {
			deleteQuietly(target);
			throw new UncheckedIOException("could not store an attachment", e);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	InputStream open(UUID request, UUID attachment) throws IOException {
		return Files.newInputStream(path(request, attachment));
	}

	void delete(UUID request, UUID attachment) {
		deleteQuietly(path(request, attachment));
	}

	private Path path(UUID request, UUID attachment) {
		return root.resolve(request.toString()).resolve(attachment.toString());
	}

	private static void deleteQuietly(Path path) {
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException e) {
			// the row was never stored; nothing more to do
		}
	}

	static String safeType(@Nullable String claimed) {
		if (claimed == null) {
			return "application/octet-stream";
		}
		String type = claimed.split(";")[0].strip().toLowerCase(Locale.ROOT);
		return KNOWN_TYPES.contains(type) ? type : "application/octet-stream";
	}

	/** A file name safe to show and to send in a Content-Disposition header. */
	static String safeName(@Nullable String name) {
		if (name == null) {
			return "attachment";
		}
		String base = name.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^\\p{L}\\p{N}._ -]", "_").strip();
		if (base.isEmpty() || base.chars().allMatch(c -> c == '.')) {
			return "attachment";
		}
		return base.length() > 120 ? base.substring(base.length() - 120) : base;
	}
}
