package eu.eccp.reporting.internal;

import org.jspecify.annotations.Nullable;

/** The reporter's contact details: personal data, shown only to the owning unit and audited. */
public record ReporterContact(@Nullable String name, @Nullable String email, @Nullable String phone,
		@Nullable String language) {
}
