package eu.eccp.indicators.internal;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Options of the values derived from indicators ({@code eccp.indicators.related.*}).
 *
 * @param tooCommonDir a directory whose {@code *.txt} files are "too common" lists (domains that never link
 *        records as a derived value) added to the built-in ones, read at start-up; unset: the built-in lists only
 */
@ConfigurationProperties("eccp.indicators.related")
public record RelatedValuesProperties(@Nullable Path tooCommonDir) {
}
