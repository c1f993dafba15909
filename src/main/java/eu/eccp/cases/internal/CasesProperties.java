package eu.eccp.cases.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Options of the cases module ({@code eccp.cases.*}).
 *
 * @param maxEvidenceSize {@code eccp.cases.max-evidence-size}: the largest evidence file accepted (default
 *        512MB; it must not exceed {@code spring.servlet.multipart.max-file-size}). Files stream to disk
 *        and are never held whole in memory.
 * @param maxScannedEvidenceSize {@code eccp.cases.max-scanned-evidence-size}: text evidence (plain text,
 *        HTML, saved e-mails) up to this size is searched for indicators, which become sightings (default 5MB)
 */
@ConfigurationProperties("eccp.cases")
record CasesProperties(@DefaultValue("512MB") DataSize maxEvidenceSize,
		@DefaultValue("5MB") DataSize maxScannedEvidenceSize) {
}
