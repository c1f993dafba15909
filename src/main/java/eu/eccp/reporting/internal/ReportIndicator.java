package eu.eccp.reporting.internal;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An indicator found in a report.
 *
 * @param type the indicator type (URL, DOMAIN, IPV4, EMAIL, IBAN...)
 * @param value its canonical form
 * @param source where in the report it was found: {@code description}, {@code details.urls},
 *        {@code attachment:NAME}...
 * @param benign the warning list that marks it benign, or null
 */
public record ReportIndicator(String type, String value, String original, String source, boolean defanged,
		@Nullable String benign, Map<String, Object> details) {
}
