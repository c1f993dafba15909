package eu.eccp.reporting.internal;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Options of reporting ({@code eccp.reporting.*}).
 *
 * @param fallbackOrganisation short name of the organisation that receives reports involving no country
 *        with a national unit on the platform (default: the first EU body, e.g. Europol)
 * @param routingOverrides country code → short name of the organisation that receives that country's
 *        reports instead of its national unit, e.g. {@code eccp.reporting.routing-overrides.CH=europol}
 * @param duplicateWindow how long an exact resubmission counts as a duplicate of the earlier report
 * @param contactRetention how long reporter contact details are kept after a report is closed
 * @param maxAttachmentSize the largest attachment accepted
 * @param maxAttachments how many files one submission or addition may carry
 * @param publicSubmissionsPerHour public submissions accepted per client (IP address) per hour
 * @param statusLookupsPerHour status-page lookups and additions per client per hour
 * @param contactRetentionInterval how often contact details due for erasure are looked for
 */
@ConfigurationProperties("eccp.reporting")
public record ReportingProperties(@org.jspecify.annotations.Nullable String fallbackOrganisation, @DefaultValue Map<String, String> routingOverrides,
		@DefaultValue("24h") Duration duplicateWindow, @DefaultValue("365d") Duration contactRetention,
		@DefaultValue("10MB") DataSize maxAttachmentSize, @DefaultValue("5") int maxAttachments,
		@DefaultValue("20") int publicSubmissionsPerHour, @DefaultValue("60") int statusLookupsPerHour,
		@DefaultValue("1h") Duration contactRetentionInterval) {
}
