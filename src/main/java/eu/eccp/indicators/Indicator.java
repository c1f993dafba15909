package eu.eccp.indicators;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One observable found in a text.
 *
 * @param type what it is
 * @param value its canonical form; two reports of the same thing have the same type and value (for
 *        {@link IndicatorType#PAYMENT_CARD} the masked number, never the clear one; correlate cards on the
 *        {@value #KEYED_HASH} detail)
 * @param original the text as it stood in the input (for payment cards masked as well)
 * @param offset where {@code original} starts in the input, in UTF-16 code units; for e-mails, in the
 *        part named by the {@value #SOURCE} detail
 * @param defanged whether the input had it defanged ({@code hxxp}, {@code [.]}, {@code [at]}...)
 * @param benign the name of the warning list that marks it as benign (reserved range, documentation
 *        domain, public resolver, very common site...), or null
 * @param details type-specific facts, e.g. {@value #REGISTERED_DOMAIN}, {@value #DISPLAY_HOST},
 *        {@value #HOMOGRAPH}, {@value #REGION}; values are strings, booleans or numbers
 */
public record Indicator(IndicatorType type, String value, String original, int offset, boolean defanged,
		@Nullable String benign, Map<String, Object> details) {

	/** URLs, domains, e-mails: the domain under its registry suffix (e.g. {@code example.co.uk}). */
	public static final String REGISTERED_DOMAIN = "registeredDomain";
	/** URLs: the host (punycode). */
	public static final String HOST = "host";
	/** URLs, domains, e-mails: the host in Unicode when it is an internationalised name. */
	public static final String DISPLAY_HOST = "displayHost";
	/** URLs, domains, e-mails: true when a label mixes scripts or imitates Latin with look-alike letters. */
	public static final String HOMOGRAPH = "homograph";
	/** URLs: true when the input had no scheme ({@code example.com/login}) and {@code http} was assumed. */
	public static final String SCHEME_ASSUMED = "schemeAssumed";
	/** E-mails: the domain (punycode). */
	public static final String DOMAIN = "domain";
	/** IP addresses written with a port, URLs with a non-default port. */
	public static final String PORT = "port";
	/** CIDR: the network address with the host bits cleared, e.g. {@code 10.0.0.0/8}. */
	public static final String NETWORK = "network";
	/** Phone numbers: the ISO 3166 region of the number; IBAN and BIC: the country. */
	public static final String REGION = "region";
	public static final String COUNTRY = "country";
	/** Phone numbers: libphonenumber's type (MOBILE, FIXED_LINE...). */
	public static final String NUMBER_TYPE = "numberType";
	/** Bitcoin: p2pkh, p2sh, p2wpkh, p2wsh, p2tr or segwit-vN. */
	public static final String ADDRESS_TYPE = "addressType";
	/** Ethereum: the address with its EIP-55 mixed-case checksum. */
	public static final String CHECKSUMMED = "checksummed";
	/** Payment cards: HMAC-SHA256 of the digits with the platform's key (hex); absent without a key. */
	public static final String KEYED_HASH = "keyedHash";
	/** Payment cards: the scheme guessed from the number (visa, mastercard, amex...). */
	public static final String BRAND = "brand";
	/** Indicators from a saved e-mail: where in the message it was found, e.g. {@code header:From}. */
	public static final String SOURCE = "source";
	/** Attachment hashes from a saved e-mail: the file name, content type and size in bytes. */
	public static final String FILE_NAME = "fileName";
	public static final String CONTENT_TYPE = "contentType";
	public static final String SIZE = "size";

	public Indicator {
		details = details instanceof Details ? details
				: details.isEmpty() ? Map.of() : new Details(new LinkedHashMap<>(details));
	}

	/**
	 * The details as stored: a copy in the order given that nobody else holds, read-only, so that a copy made
	 * by {@link #withDetail} is not copied once more.
	 */
	private static final class Details extends AbstractMap<String, Object> {

		private final Map<String, Object> entries;

		Details(LinkedHashMap<String, Object> entries) {
			this.entries = Collections.unmodifiableMap(entries);
		}

		@Override
		public Set<Entry<String, Object>> entrySet() {
			return entries.entrySet();
		}

		@Override
		public @Nullable Object get(Object key) {
			return entries.get(key);
		}

		@Override
		public boolean containsKey(Object key) {
			return entries.containsKey(key);
		}

		@Override
		public int size() {
			return entries.size();
		}
	}

	/**
	 * The value defanged for display, so that nobody follows it by a click: {@code hxxps://evil[.]com/x},
	 * {@code evil[.]com}, {@code user[@]evil[.]com}, {@code 185.220.101[.]4}, {@code 2001:db8::1} unchanged.
	 * Defanged values read back to the same indicator.
	 */
	public String defangedForDisplay() {
		return switch (type) {
			case URL -> {
				int schemeEnd = value.indexOf("://");
				int hostEnd = value.indexOf('/', schemeEnd + 3);
				String scheme = value.substring(0, schemeEnd).replace("http", "hxxp").replace("ftp", "fxp");
				String authority = value.substring(schemeEnd + 3, hostEnd < 0 ? value.length() : hostEnd);
				yield scheme + "://" + authority.replace(".", "[.]").replace("@", "[@]")
						+ (hostEnd < 0 ? "" : value.substring(hostEnd));
			}
			case DOMAIN, ONION -> value.replace(".", "[.]");
			case EMAIL -> value.replace("@", "[@]").replace(".", "[.]");
			case IPV4 -> value.substring(0, value.lastIndexOf('.')) + "[.]" + value.substring(value.lastIndexOf('.') + 1);
			case CIDR -> value.indexOf(':') >= 0 ? value : value.replaceFirst("\\.(\\d+)/", "[.]$1/");
			default -> value;
		};
	}

	/** A copy with one more detail. */
	public Indicator withDetail(String name, Object detail) {
		LinkedHashMap<String, Object> more = new LinkedHashMap<>(details);
		more.put(name, detail);
		return new Indicator(type, value, original, offset, defanged, benign, new Details(more));
	}
}
