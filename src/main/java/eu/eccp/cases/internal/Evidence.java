package eu.eccp.cases.internal;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import eu.eccp.cases.CaseId;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Tlp;
import eu.eccp.shared.UserId;

/**
 * A file kept as evidence in a case, with the SHA-256 computed while it was received. Message attachments
 * are evidence too ({@code entryId} names the message).
 */
public record Evidence(UUID id, CaseId caseId, @Nullable UUID entryId, String fileName, String contentType,
		long size, String sha256, @Nullable String description, Tlp tlp, String storageKey, OrganisationId authorOrg,
		UserId author, Instant addedAt) {

	/** Types a browser may be told as they are; anything else (HTML, SVG, scripts...) is served as bytes. */
	private static final Set<String> SAFE_TYPES = Set.of("application/pdf", "image/png", "image/jpeg", "image/gif",
			"text/plain", "text/csv", "application/zip", "message/rfc822", "application/json", "application/octet-stream");

	/** The content type a download is served with: the declared one when harmless, else octet-stream. */
	public String servedContentType() {
		String type = contentType.toLowerCase(Locale.ROOT);
		int semicolon = type.indexOf(';');
		String bare = (semicolon < 0 ? type : type.substring(0, semicolon)).strip();
		return SAFE_TYPES.contains(bare) ? bare : "application/octet-stream";
	}

	/** The name a file may safely carry: no directories, no control characters, at most 200 characters. */
	static String safeFileName(@Nullable String name) {
		String base = name == null ? "" : name.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
		if (base.isEmpty() || base.equals(".") || base.equals("..")) {
			base = "evidence.bin";
		}
		return base.length() > 200 ? base.substring(base.length() - 200) : base;
	}
}
