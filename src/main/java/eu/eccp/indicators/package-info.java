/**
 * Indicators (observables): URLs, domain names, IP addresses and ranges, e-mail addresses, phone numbers,
 * bank and crypto-currency identifiers, hashes, autonomous systems and payment cards, extracted from free
 * text, HTML and saved e-mails, validated, refanged and put into one canonical form so that the same thing
 * reported in two places matches.
 *
 * <p>Published: {@link eu.eccp.indicators.IndicatorExtractor} (the library API other modules call, also
 * usable without Spring), {@link eu.eccp.indicators.Indicator}, {@link eu.eccp.indicators.IndicatorType},
 * {@link eu.eccp.indicators.ExtractionOptions}, and the jar's {@code extract} command
 * ({@link eu.eccp.indicators.ExtractCommand}), which runs without Spring.
 */
@NullMarked
@ApplicationModule(displayName = "Indicators", allowedDependencies = "shared")
package eu.eccp.indicators;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
