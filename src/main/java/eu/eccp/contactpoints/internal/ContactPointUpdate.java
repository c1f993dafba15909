package eu.eccp.contactpoints.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an organisation's admin may change in its directory entry (API payload and form). Office hours are
 * {@code HH:mm} in {@code timeZone} (an IANA zone such as {@code Europe/Berlin}), needed unless
 * {@code alwaysOpen}.
 */
public record ContactPointUpdate(@Nullable String description, @Nullable List<String> capabilities,
		@Nullable List<String> languages, @Nullable Boolean alwaysOpen, @Nullable String officeOpens,
		@Nullable String officeCloses, @Nullable String timeZone, @Nullable String phone, @Nullable String email,
		@Nullable Boolean platformChannel, @Nullable String backupName, @Nullable String backupPhone,
		@Nullable String backupEmail, @Nullable String backupUser) {
}
