package eu.eccp.correlation.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Options of correlation ({@code eccp.correlation.*}).
 *
 * @param maxSourcesToLink an indicator seen in more distinct records than this (a shared hosting IP, a
 *        popular webmail domain) no longer links records; it is shown as "too common to correlate"
 * @param maxLookupValues how many values one bulk lookup may ask about
 */
@ConfigurationProperties("eccp.correlation")
public record CorrelationProperties(@DefaultValue("50") int maxSourcesToLink,
		@DefaultValue("10000") int maxLookupValues) {
}
