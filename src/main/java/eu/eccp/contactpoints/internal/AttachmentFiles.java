package eu.eccp.contactpoints.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import eu.eccp.shared.HashedFiles;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.Upload;

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
		HashedFiles.Written written;
		try (InputStream in = upload.open()) {
			written = HashedFiles.write(in, target, properties.maxAttachmentSize().toBytes());
		}
		catch (HashedFiles.TooLargeException e) {
			throw new InvalidRequestException("files", "validation.request.attachmentTooLarge");
		}
		catch (IOException e) {
			HashedFiles.deleteQuietly(target);
			throw new UncheckedIOException("could not store an attachment", e);
		}
		if (written.size() == 0) {
			HashedFiles.deleteQuietly(target);
			throw new InvalidRequestException("files", "validation.request.emptyFile");
		}
		return new Stored(id, safeName(upload.fileName()), safeType(upload.contentType()), written.size(), written.sha256());
	}

	/** Deletes the stored file again if the transaction recording it rolls back. */
	void deleteOnRollback(UUID request, Stored file) {
		HashedFiles.deleteOnRollback(path(request, file.id()));
	}

	InputStream open(UUID request, UUID attachment) throws IOException {
		return Files.newInputStream(path(request, attachment));
	}

	void delete(UUID request, UUID attachment) {
		HashedFiles.deleteQuietly(path(request, attachment));
	}

	private Path path(UUID request, UUID attachment) {
		return root.resolve(request.toString()).resolve(attachment.toString());
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
