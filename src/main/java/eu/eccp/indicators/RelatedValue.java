package eu.eccp.indicators;

import org.jspecify.annotations.Nullable;

/**
 * A linking value derived from an indicator: {@code secure-login-parcel.xyz} ({@link IndicatorType#DOMAIN},
 * {@link Relation#HOST}) from {@code https://secure-login-parcel.xyz/fr/track?id=1}.
 *
 * @param type the type of the derived value (a domain, an IP address, an onion service)
 * @param value its canonical form, as an indicator of that type would have it
 * @param relation how it derives from the indicator
 * @param benign the warning list or "too common" list it is on, or null; such a value links nothing
 */
public record RelatedValue(IndicatorType type, String value, Relation relation, @Nullable String benign) {
}
