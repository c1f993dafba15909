package eu.eccp.indicators.internal;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Options of the indicators module ({@code eccp.indicators.*}).
 *
 * @param warninglistDir a directory whose {@code *.txt} files are warning lists added to the built-in ones
 *        (read at start-up); unset: the built-in lists only
 * @param cardHashKey the secret key of the HMAC-SHA256 under which payment card numbers are hashed so that
 *        reports of the same card match; unset: cards are reported masked only, without a keyed hash
 */
@ConfigurationProperties("eccp.indicators")
public record IndicatorsProperties(@Nullable Path warninglistDir, @Nullable String cardHashKey) {
}
