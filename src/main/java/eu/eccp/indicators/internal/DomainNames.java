package eu.eccp.indicators.internal;

import java.lang.Character.UnicodeScript;
import java.net.IDN;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import com.google.common.net.InternetDomainName;
import com.google.thirdparty.publicsuffix.PublicSuffixPatterns;
import com.google.thirdparty.publicsuffix.PublicSuffixType;

/**
 * Domain names: syntax, internationalised names (IDNA, punycode), the public suffix list (through Guava's
 * {@link InternetDomainName}, which ships it), and homograph detection.
 */
public final class DomainNames {

	/** A validated domain name. */
	public record Domain(String ascii, String registeredDomain, @Nullable String unicode, boolean homograph) {
	}

	/** How a host name is validated: {@link DomainNames#parse} itself, or a {@link Memo} of it. */
	@FunctionalInterface
	interface Parser {

		@Nullable Domain parse(String candidate);
	}

	/**
	 * The results of {@link DomainNames#parse} for one extraction, since a text names the same hosts again and
	 * again (every URL of a host, every address at a domain) and an internationalised name costs some 15 µs of
	 * IDNA conversions each time. Bounded ({@value #LIMIT} names, then forgotten all at once); one thread.
	 */
	static final class Memo implements Parser {

		static final int LIMIT = 4096;

		/** Stands for "not a domain name" among the results. */
		private static final Domain NONE = new Domain("", "", null, false);

		private final Map<String, Domain> results = new HashMap<>();

		@Override
		public @Nullable Domain parse(String candidate) {
			Domain known = results.get(candidate);
			if (known == null) {
				if (results.size() >= LIMIT) {
					results.clear();
				}
				Domain parsed = DomainNames.parse(candidate);
				known = parsed == null ? NONE : parsed;
				results.put(candidate, known);
			}
			return known == NONE ? null : known;
		}
	}

	private static final int TLD_CACHE_LIMIT = 20_000;
	private static final Map<String, Boolean> TLD_CACHE = new ConcurrentHashMap<>();

	/** Cyrillic and Greek letters that look like Latin ones (a whole label of them imitates a Latin name). */
	private static final String LATIN_LOOKALIKES = "аеорсухіјѕԁһԛԝӏкмтвнпьАВЕКМНОРСТХІЈЅοιкνρτυχαεΑΒΕΗΙΚΜΝΟΡΤΥΧΖ";

	private static final Set<UnicodeScript> CJK = EnumSet.of(UnicodeScript.HAN, UnicodeScript.HIRAGANA,
			UnicodeScript.KATAKANA, UnicodeScript.HANGUL, UnicodeScript.BOPOMOFO, UnicodeScript.LATIN);

	private DomainNames() {
	}

	/**
	 * The domain name {@code candidate} (Unicode or ASCII, any case, an optional final dot) if it is a
	 * syntactically valid host name under a public suffix, else null. Labels below the registered domain may
	 * hold underscores, as DNS allows and malicious sub-domains use ({@code o_o.example.nl}).
	 */
	public static @Nullable Domain parse(String candidate) {
		String name = candidate.endsWith(".") ? candidate.substring(0, candidate.length() - 1) : candidate;
		if (name.isEmpty() || name.length() > 253 || !labelsValid(name)) {
			return null;
		}
		boolean ascii = isAscii(name);
		String asciiName;
		if (ascii) {
			asciiName = name.toLowerCase(Locale.ROOT);
		}
		else {
			try {
				asciiName = IDN.toASCII(name, IDN.USE_STD3_ASCII_RULES | IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
			}
			catch (IllegalArgumentException e) {
				return null;
			}
			if (asciiName.isEmpty() || asciiName.length() > 253 || asciiName.endsWith(".")) {
				return null;
			}
		}
		String tld = asciiName.substring(asciiName.lastIndexOf('.') + 1);
		if (asciiName.indexOf('.') < 0 || !isTld(tld)) {
			return null;
		}
		// the registry suffix straight from Guava's public suffix trie (what InternetDomainName consults, without
		// its re-validation, splitting into immutable lists and joining again: a third of this method's time)
		List<String> labels = new ArrayList<>(8);
		int labelStart = 0;
		for (int i = 0; i <= asciiName.length(); i++) {
			if (i == asciiName.length() || asciiName.charAt(i) == '.') {
				labels.add(asciiName.substring(labelStart, i));
				labelStart = i + 1;
			}
		}
		int suffix = PublicSuffixPatterns.TRIE.findSuffixIndex(labels, PublicSuffixType.REGISTRY);
		if (suffix <= 0) {
			return null; // a public suffix itself, or under none
		}
		int registeredStart = 0;
		for (int i = 0; i < suffix - 1; i++) {
			registeredStart += labels.get(i).length() + 1;
		}
		String registered = asciiName.substring(registeredStart);
		if (registered.indexOf('_') >= 0) {
			// host names in DNS may hold an underscore (o_o.example.nl), registered names may not
			return null;
		}
		String unicode = null;
		boolean homograph = false;
		if (asciiName.contains("xn--")) {
			try {
				unicode = IDN.toUnicode(asciiName, IDN.USE_STD3_ASCII_RULES | IDN.ALLOW_UNASSIGNED);
			}
			catch (IllegalArgumentException e) {
				return null;
			}
			if (unicode.contains("xn--")) {
				return null; // a label that is not valid punycode
			}
			homograph = isHomograph(unicode);
		}
		return new Domain(asciiName, registered, unicode, homograph);
	}

	/** Whether the last label is a top-level domain of the public suffix list (memoised). */
	public static boolean isTld(String tld) {
		if (tld.length() < 2 || tld.length() > 63) {
			return false;
		}
		Boolean known = TLD_CACHE.get(tld);
		if (known != null) {
			return known;
		}
		boolean result;
		try {
			result = InternetDomainName.from(tld).hasPublicSuffix();
		}
		catch (IllegalArgumentException e) {
			result = false;
		}
		if (TLD_CACHE.size() < TLD_CACHE_LIMIT) {
			TLD_CACHE.put(tld, result);
		}
		return result;
	}

	private static boolean labelsValid(String name) {
		int labelStart = 0;
		for (int i = 0; i <= name.length(); i++) {
			char c = i < name.length() ? name.charAt(i) : '.';
			if (c == '.') {
				int length = i - labelStart;
				if (length == 0 || length > 63 || name.charAt(labelStart) == '-' || name.charAt(i - 1) == '-') {
					return false;
				}
				labelStart = i + 1;
			}
			else if (c < 0x80) {
				if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'
						|| c == '_' && name.indexOf('.', i) > 0)) {
					return false;
				}
			}
			else if (!Character.isLetterOrDigit(c) && Character.getType(c) != Character.NON_SPACING_MARK
					&& Character.getType(c) != Character.COMBINING_SPACING_MARK && !Character.isSurrogate(c)) {
				return false;
			}
		}
		return true;
	}

	static boolean isAscii(String s) {
		for (int i = 0; i < s.length(); i++) {
			if (s.charAt(i) >= 0x80) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether a Unicode host name has a label that mixes scripts (Latin with Cyrillic, Greek...; the
	 * combinations East Asian names use are allowed) or a non-Latin label made only of letters that look
	 * Latin under an ASCII top-level domain ({@code аррӏе.com}).
	 */
	public static boolean isHomograph(String unicodeHost) {
		String[] labels = unicodeHost.split("\\.");
		boolean asciiTld = isAscii(labels[labels.length - 1]);
		for (String label : labels) {
			Set<UnicodeScript> scripts = EnumSet.noneOf(UnicodeScript.class);
			boolean allLookalikes = true;
			boolean hasNonLatinLetter = false;
			for (int i = 0; i < label.length();) {
				int cp = label.codePointAt(i);
				i += Character.charCount(cp);
				if (!Character.isLetter(cp)) {
					continue;
				}
				UnicodeScript script = UnicodeScript.of(cp);
				if (script == UnicodeScript.COMMON || script == UnicodeScript.INHERITED) {
					continue;
				}
				scripts.add(script);
				if (script != UnicodeScript.LATIN) {
					hasNonLatinLetter = true;
					if (LATIN_LOOKALIKES.indexOf(cp) < 0) {
						allLookalikes = false;
					}
				}
			}
			if (scripts.size() > 1 && !CJK.containsAll(scripts)) {
				return true;
			}
			if (scripts.size() == 1 && hasNonLatinLetter && allLookalikes && asciiTld) {
				return true;
			}
		}
		return false;
	}
}
