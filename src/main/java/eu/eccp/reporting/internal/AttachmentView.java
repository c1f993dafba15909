package eu.eccp.reporting.internal;

import java.time.Instant;
import java.util.UUID;

/** An attachment's metadata (the file itself stays in the attachment store). */
public record AttachmentView(UUID id, String fileName, String contentType, long sizeBytes, String sha256,
		Instant addedAt, boolean byReporter) {
}
