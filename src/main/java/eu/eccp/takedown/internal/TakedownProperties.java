package eu.eccp.takedown.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Options of the takedown module ({@code eccp.takedown.*}).
 *
 * @param euHotline short name of the EU-level hotline receiving illegal-content reports from a country with
 *        neither a hotline nor a national unit on the platform (unset: reporting's fallback organisation)
 * @param fourEyes assessment categories that a second analyst of the same hotline must confirm before a notice
 *        leaves
 * @param pdqMaxDistance largest Hamming distance (of 256 bits) at which a PDQ hash matches a known one
 * @param maxUrls web addresses one content report may name
 * @param maxBulkLines lines one bulk NDJSON request may carry
 * @param knownHashRefresh how often each node reads known hashes other nodes added
 * @param removalDeadline per assessment category: how long the host has to remove it after a notice
 * @param defaultRemovalDeadline the deadline for categories not named in {@code removalDeadline}
 * @param removalOrderDeadline deadline of a removal order from its receipt (Regulation (EU) 2021/784 Art. 3(3))
 * @param coordinators short names of the organisations told when a deadline passes (default: every EU body)
 * @param deadlineCheckInterval how often overdue notices are looked for
 */
@ConfigurationProperties("eccp.takedown")
public record TakedownProperties(@Nullable String euHotline,
		@DefaultValue({ "CSAM_BASELINE", "CSAM_NATIONAL", "TERRORIST_CONTENT" }) Set<ContentCategory> fourEyes,
		@DefaultValue("31") int pdqMaxDistance, @DefaultValue("100") int maxUrls,
		@DefaultValue("100000") int maxBulkLines, @DefaultValue("1m") Duration knownHashRefresh,
		@DefaultValue Map<ContentCategory, Duration> removalDeadline,
		@DefaultValue("72h") Duration defaultRemovalDeadline, @DefaultValue("1h") Duration removalOrderDeadline,
		@DefaultValue Set<String> coordinators, @DefaultValue("1m") Duration deadlineCheckInterval) {

	public TakedownProperties {
		if (pdqMaxDistance < 0 || pdqMaxDistance > 128) {
			throw new IllegalArgumentException("eccp.takedown.pdq-max-distance must be between 0 and 128");
		}
	}

	public boolean needsSecondAnalyst(ContentCategory category) {
		return category.illegal() && fourEyes.contains(category);
	}

	public Duration deadlineFor(ContentCategory category) {
		return removalDeadline.getOrDefault(category, defaultRemovalDeadline);
	}
}
