package eu.eccp.contactpoints.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.ArraySchema;

/**
 * What an organisation's admin may change in its directory entry (API payload and form). Office hours are
 * {@code HH:mm} in {@code timeZone} (an IANA zone such as {@code Europe/Berlin}), needed unless
 * {@code alwaysOpen}.
 */
public record ContactPointUpdate(@Nullable String description,
		@ArraySchema(schema = @Schema(implementation = Capability.class)) @Nullable List<String> capabilities,
		@ArraySchema(schema = @Schema(description = "ISO 639 language code", pattern = "^[A-Za-z]{2,3}$"))
		@Nullable List<String> languages,
		@Nullable Boolean alwaysOpen,
		@Schema(pattern = "^\\d{1,2}:\\d{2}$", example = "08:00") @Nullable String officeOpens,
		@Schema(pattern = "^\\d{1,2}:\\d{2}$", example = "18:00") @Nullable String officeCloses,
		@Schema(description = "IANA time zone", example = "Europe/Berlin") @Nullable String timeZone,
		@Nullable String phone, @Schema(format = "email") @Nullable String email,
		@Nullable Boolean platformChannel, @Nullable String backupName, @Nullable String backupPhone,
		@Nullable String backupEmail, @Nullable String backupUser) {
}
