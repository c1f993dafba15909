package eu.eccp.cases.internal;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a unit gives to open a case: a title, a summary, offence types (names of
 * {@link eu.eccp.reporting.Offence}), a TLP marking, and optionally the reports, hits and cluster it starts from.
 */
public record OpenCase(@Nullable String title, @Nullable String summary, @Nullable List<String> offences,
		@Nullable String tlp, @Nullable List<UUID> reports, @Nullable List<UUID> hits, @Nullable Long cluster) {
}
