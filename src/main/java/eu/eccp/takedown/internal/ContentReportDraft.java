package eu.eccp.takedown.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;

import eu.eccp.shared.Tlp;
import eu.eccp.takedown.ReportedCategory;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * An organisation's content report: the JSON body of {@code POST /api/v1/content-reports} and one line of
 * its bulk NDJSON. Never a file: web addresses and, optionally, hashes of the media.
 */
public record ContentReportDraft(
		@Schema(implementation = ReportedCategory.class, requiredMode = RequiredMode.REQUIRED) @Nullable String category,
		@ArraySchema(minItems = 1, schema = @Schema(description = "a web address; defanged forms are understood",
				example = "hxxps://host[.]example/path")) @Nullable List<String> urls,
		@Schema(maxLength = 20_000) @Nullable String description,
		@Nullable List<Hash> mediaHashes,
		@Schema(maxLength = 200, description = "your own reference; a retry with it returns the original")
		@Nullable String organisationReference,
		@Schema(implementation = Tlp.class, description = "default AMBER") @Nullable String tlp) {

	/** A hash of one medium: MD5, SHA1, SHA256 (hex) or PDQ (64 hex digits). */
	public record Hash(
			@Schema(allowableValues = { "MD5", "SHA1", "SHA256", "PDQ" }, requiredMode = RequiredMode.REQUIRED)
			@Nullable String algorithm,
			@Schema(requiredMode = RequiredMode.REQUIRED, pattern = "^[0-9a-fA-F]{32,64}$") @Nullable String value) {
	}
}
