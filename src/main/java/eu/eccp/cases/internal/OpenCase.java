package eu.eccp.cases.internal;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import eu.eccp.reporting.Offence;
import eu.eccp.shared.Tlp;

/**
 * What a unit gives to open a case: a title, a summary, offence types (names of
 * {@link eu.eccp.reporting.Offence}), a TLP marking, and optionally the reports, hits and cluster it starts from.
 */
public record OpenCase(
		@Schema(requiredMode = RequiredMode.REQUIRED, minLength = 3, maxLength = 200) @Nullable String title,
		@Nullable String summary,
		@ArraySchema(schema = @Schema(implementation = Offence.class)) @Nullable List<String> offences,
		@Schema(implementation = Tlp.class, description = "TLP 2.0 marking; default AMBER") @Nullable String tlp,
		@Nullable List<UUID> reports, @Nullable List<UUID> hits, @Nullable Long cluster) {
}
