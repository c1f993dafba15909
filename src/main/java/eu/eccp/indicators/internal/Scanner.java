package eu.eccp.indicators.internal;

import static eu.eccp.indicators.internal.CharClasses.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

import eu.eccp.indicators.ExtractionOptions;
import eu.eccp.indicators.Indicator;
import eu.eccp.indicators.IndicatorType;

/**
 * The single left-to-right pass that finds indicators in prepared (refanged) text.
 *
 * <p>The text is cut into words (letters, digits and {@code . - _ @ : / +}); each word is looked at once and
 * split at its separators, so the work is linear in the input. Three things look beyond a word, each a
 * bounded distance or up to where they stop and the scan resumes: URLs (whose path may hold any URL
 * character), numbers written in groups (cards, phones: at most 40 characters) and IBANs written in groups of
 * four. Nothing backtracks: a failed attempt costs at most its bounded look-ahead.
 */
final class Scanner implements WordCursor.Words {


	/** Prefixes that make a dotted quad a version number rather than an address. */
	private static final Set<String> VERSION_WORDS = Set.of("version", "ver", "v", "release", "build", "firmware",
			"fw", "rev", "revision", "update", "patch", "kernel");

	/** Top-level domains that are also common file extensions: {@code report.zip} is taken for a file name. */
	private static final Set<String> FILE_EXTENSION_TLDS = Set.of("zip", "mov", "md", "py", "rs", "sh", "pl", "ps",
			"so", "cs", "mp", "gz");

	/** Top-level domains accepted after a bare {@code " dot "} (which prose also uses: "the dot is"). */
	private static final Set<String> COMMON_TLDS = Set.of("com", "net", "org", "info", "biz", "io", "co", "me", "ru",
			"cn", "de", "uk", "fr", "nl", "eu", "be", "es", "it", "pl", "ch", "at", "se", "dk", "fi", "pt", "cz", "us",
			"ca", "au", "br", "jp", "kr", "xyz", "top", "online", "site", "club", "shop", "app", "dev", "tk", "ml", "ga",
			"cf", "gq", "su", "onion");

	private final PreparedText text;
	private final char[] s;
	private final int n;
	private final CharArray chars;
	/** The characters the prepared text was made from, and the stream offset of the first of them. */
	private final char[] input;
	private final long inputOffset;
	private final @Nullable String region;
	private final byte @Nullable [] cardKey;
	private final List<Indicator> found = new ArrayList<>();
	/** Text before this index belongs to an indicator already found. */
	/**
	 * Where the last indicator (or the last word read as a whole) ended: nothing before it is read again. A
	 * windowed scan carries it from the window before ({@link WindowedScan}), so that a look-behind (the local
	 * part of an e-mail address) reaches as far back as in a scan of the whole text.
	 */
	int consumedTo = UNSET;

	static final int UNSET = Integer.MIN_VALUE;

	/** Set while the segments after a {@code '/'} of a word that is no URL are read (see {@link #slash}). */
	private boolean inPath;
	int lastIbanEnd = Integer.MIN_VALUE / 2;
	/** Where the last number was tried (a word and its first piece start at the same place). */
	private int lastNumberAttempt = -1;
	/** Whether national numbers of the default region start with the trunk prefix 0 (most of Europe). */
	private final boolean zeroTrunkPrefix;
	private final char[] digitBuffer = new char[20];
	private final int[] groupBuffer = new int[12];

	private final WarningLists warningLists;
	private final ExtractionOptions options;

	/**
	 * A scanner over {@code text}, prepared from {@code input} (whose first character is at
	 * {@code inputOffset} in the whole stream).
	 */
	Scanner(PreparedText text, char[] input, long inputOffset, ExtractionOptions options, byte @Nullable [] cardKey,
			WarningLists warningLists) {
		this(text, input, inputOffset, options.defaultRegion(), cardKey, warningLists, options);
	}

	private Scanner(PreparedText text, char[] input, long inputOffset, @Nullable String region,
			byte @Nullable [] cardKey, WarningLists warningLists, ExtractionOptions options) {
		this.warningLists = warningLists;
		this.options = options;
		this.text = text;
		this.s = text.chars;
		this.n = text.length;
		this.chars = new CharArray(s, n);
		this.input = input;
		this.inputOffset = inputOffset;
		this.region = region;
		this.cardKey = cardKey;
		this.zeroTrunkPrefix = region != null && "0".equals(PhoneNumberUtil.getInstance().getNddPrefixForRegion(region, true));
	}

	/** Scans the whole text. */
	List<Indicator> scan() {
		scan(0, n);
		return found;
	}

	/** What was found so far, in the order found (not always by position). */
	List<Indicator> found() {
		return found;
	}

	/**
	 * Scans the words that start in {@code [start, stop)}; what is before {@code start} is context only (read
	 * behind a word, never reported), what is after {@code stop} is read only ahead of a word that started
	 * before it. Returns where a scan of the rest must resume: the end of the last word or indicator.
	 */
	int scan(int start, int stop) {
		if (consumedTo == UNSET) {
			consumedTo = start;
		}
		return WordCursor.scan(s, n, start, stop, this);
	}

	/** A word the cursor found worth a look: dispatched; returns where the cursor goes on. */
	@Override
	public int word(int a, int b, int content) {
		word(a, b, (byte) content);
		return Math.max(b, consumedTo);
	}

	/** A {@code '('} followed by a digit: a phone number such as {@code (0)1 23 45 67 89}, or -1. */
	@Override
	public int parenthesisedNumber(int i) {
		return number(i) > 0 ? consumedTo : -1;
	}

	@Override
	public boolean asnWord(int i) {
		return isAsnWord(i);
	}

	// ---------------------------------------------------------------- character classes

	/** {@code asn} in any case at {@code i} (then perhaps followed by a space and the number). */
	private boolean isAsnWord(int i) {
		return (s[i] | 0x20) == 'a' && (s[i + 1] | 0x20) == 's' && (s[i + 2] | 0x20) == 'n';
	}










	private String str(int from, int to) {
		return new String(s, from, to - from);
	}

	// ---------------------------------------------------------------- words

	/** A word {@code s[a, b)}; {@code content} tells (conservatively) whether it holds ':' or '@'. */
	private void word(int a, int b, byte content) {
		char first = s[a];
		if ((isDigit(first) || first == '+') && number(a) > 0) {
			return;
		}
		int k = (content & COLON) != 0 ? schemeSeparator(a, b) : -1;
		if (k >= 0) {
			int sp = k;
			while (sp > a && k - sp < 6 && isAsciiLetter(s[sp - 1])) {
				sp--;
			}
			if (sp < k && Urls.SCHEMES.contains(str(sp, k).toLowerCase(Locale.ROOT))
					&& (sp == a || !isAsciiAlnum(s[sp - 1]))) {
				if (sp > a) {
					plain(a, sp);
				}
				if (!url(sp, k)) {
					plain(k + 3, b);
				}
				return;
			}
		}
		if ((content & AT) == 0) {
			piece(a, b);
		}
		else {
			plain(a, b);
		}
	}

	private int schemeSeparator(int a, int b) {
		for (int i = a + 1; i + 2 < b; i++) {
			if (s[i] == ':' && s[i + 1] == '/' && s[i + 2] == '/') {
				return i;
			}
		}
		return -1;
	}

	private void plain(int a, int b) {
		if (a < consumedTo) {
			a = consumedTo;
		}
		for (int i = a; i < b; i++) {
			if (s[i] == '@') {
				emails(a, b);
				return;
			}
		}
		piece(a, b);
	}

	// ---------------------------------------------------------------- URLs

	private boolean urlStop(int i) {
		char c = s[i];
		return (c == ',' || c == ';' || c == '|') && i + 4 < n && (s[i + 1] | 0x20) == 'h' && (s[i + 2] | 0x20) == 't'
				&& (s[i + 3] | 0x20) == 't' && (s[i + 4] | 0x20) == 'p';
	}

	/**
	 * Where a URL starting at {@code start} ends, read on from {@code from}: at the first character that cannot
	 * be in a URL, at a closing bracket the URL did not open ({@code [https://a/b](https://a/b)} in Markdown,
	 * {@code f('https://a/b')} in code), and, when the URL is quoted, at its closing quote
	 * ({@code 'https://a/b','c'}, where the quote itself may be in a URL).
	 */
	private int urlExtent(int start, int from) {
		char quote = start > 0 && (s[start - 1] == '\'' || s[start - 1] == '"' || s[start - 1] == '`') ? s[start - 1] : 0;
		int parens = 0;
		int brackets = 0;
		for (int i = start; i < from; i++) {
			char c = s[i];
			if (c == '[') {
				brackets++;
			}
			else if (c == ']') {
				brackets--;
			}
		}
		int i = from;
		while (i < n) {
			char c = s[i];
			if (c == quote || !isUrlChar(c) || urlStop(i)) {
				break;
			}
			if (c == '(') {
				parens++;
			}
			else if (c == ')') {
				if (--parens < 0) {
					break;
				}
			}
			else if (c == '[') {
				if (!queryKeyBracket(start, i)) {
					break;
				}
				brackets++;
			}
			else if (c == ']') {
				if (--brackets < 0) {
					break;
				}
			}
			i++;
		}
		return i;
	}

	/** Trims the punctuation that ends a URL in prose; a closing bracket stays when the URL opened it. */
	private int trimUrlEnd(int start, int end) {
		int parens = 0;
		int brackets = 0;
		for (int i = start; i < end; i++) {
			char c = s[i];
			if (c == '(') {
				parens++;
			}
			else if (c == ')') {
				parens--;
			}
			else if (c == '[') {
				brackets++;
			}
			else if (c == ']') {
				brackets--;
			}
		}
		while (end > start && Urls.isTrailingPunctuation(s[end - 1])) {
			char c = s[end - 1];
			if (c == ')') {
				if (parens >= 0) {
					break;
				}
				parens++;
			}
			else if (c == ']') {
				if (brackets >= 0) {
					break;
				}
				brackets++;
			}
			end--;
		}
		return end;
	}

	/** A URL whose scheme is {@code s[sp, k)} and {@code s[k, k+3)} is {@code ://}. */
	private boolean url(int sp, int k) {
		String scheme = str(sp, k);
		int p = k + 3;
		int authorityEnd = p;
		char quote = sp > 0 && (s[sp - 1] == '\'' || s[sp - 1] == '"' || s[sp - 1] == '`') ? s[sp - 1] : 0;
		boolean bracket = false;
		while (authorityEnd < n && authorityEnd - p <= Urls.MAX_AUTHORITY && isUrlChar(s[authorityEnd])
				&& s[authorityEnd] != '/' && s[authorityEnd] != '?' && s[authorityEnd] != '#' && !urlStop(authorityEnd)) {
			char c = s[authorityEnd];
			// an authority holds no parenthesis, and a bracket only around an IPv6 address
			if (c == quote || c == ')' || c == '(' || c == ']' && !bracket || c == '[' && !ipv6Start(p, authorityEnd)) {
				break;
			}
			bracket |= c == '[';
			authorityEnd++;
		}
		if (authorityEnd - p > Urls.MAX_AUTHORITY || authorityEnd == p) {
			return false;
		}
		// the host first (bounded work), the path only for a good host: a bad URL costs no long scan
		int trimmedAuthority = trimUrlEnd(p, authorityEnd);
		Urls.Authority authority = trimmedAuthority == p ? null : Urls.authority(scheme, str(p, trimmedAuthority));
		if (authority == null) {
			return false;
		}
		int end = trimUrlEnd(sp, urlExtent(sp, authorityEnd));
		if (end < authorityEnd && end != trimmedAuthority) {
			authority = Urls.authority(scheme, str(p, end));
			if (authority == null) {
				return false;
			}
		}
		emitUrl(Urls.canonical(authority, end <= authorityEnd ? "" : str(authorityEnd, end)), sp, end, false);
		return true;
	}

	/**
	 * Whether a {@code '['} at {@code i} may open an IPv6 literal of the authority starting at {@code p}: at its
	 * start or right after the user information. Anywhere else it ends the URL, as in AsciiDoc's
	 * {@code https://host/path[label]}.
	 */
	private boolean ipv6Start(int p, int i) {
		return i == p || s[i - 1] == '@';
	}

	/**
	 * Whether the {@code '['} at {@code i} opens a key of a query parameter, as PHP and Rails write them
	 * ({@code ?filter[name]=x}, {@code ?ids[]=1}): inside the query, closed within a short word and followed by
	 * {@code '='} or another {@code '['}. Any other bracket in a path ends the URL: AsciiDoc's
	 * {@code https://host/path[label]}, wiki markup.
	 */
	private boolean queryKeyBracket(int start, int i) {
		boolean query = false;
		for (int q = start; q < i; q++) {
			if (s[q] == '?') {
				query = true;
				break;
			}
		}
		if (!query) {
			return false;
		}
		int j = i + 1;
		while (j < n && j - i <= 40 && (isAsciiAlnum(s[j]) || s[j] == '_' || s[j] == '-' || s[j] == '.')) {
			j++;
		}
		return j + 1 < n && s[j] == ']' && (s[j + 1] == '=' || s[j + 1] == '[');
	}

	/** {@code host[:port]/path} without a scheme, the host being {@code s[a, slash)}. */
	private boolean schemelessUrl(int a, int slash) {
		int end = trimUrlEnd(a, urlExtent(a, slash));
		if (end <= slash + 1) {
			return false;
		}
		Urls.Url url = Urls.canonical("http", str(a, end));
		if (url == null) {
			return false;
		}
		emitUrl(url, a, end, true);
		return true;
	}

	private void emitUrl(Urls.Url url, int a, int b, boolean schemeAssumed) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put(Indicator.HOST, url.host());
		details.put(Indicator.REGISTERED_DOMAIN, url.registeredDomain());
		if (url.displayHost() != null) {
			details.put(Indicator.DISPLAY_HOST, url.displayHost());
		}
		if (url.homograph()) {
			details.put(Indicator.HOMOGRAPH, true);
		}
		if (url.port() >= 0) {
			details.put(Indicator.PORT, url.port());
		}
		if (schemeAssumed) {
			details.put(Indicator.SCHEME_ASSUMED, true);
		}
		emit(IndicatorType.URL, url.value(), a, b, details, url.host());
	}

	// ---------------------------------------------------------------- e-mail addresses

	private static boolean isLocalChar(char c) {
		return c < 128 ? isAsciiAlnum(c) || c == '.' || c == '_' || c == '+' || c == '-' : Character.isLetterOrDigit(c);
	}

	/**
	 * The symbols of RFC 5322 {@code atext} that may be inside a local part; the others ({@code & ' / = ? ` { | }})
	 * delimit an address in URLs, code and quotes far more often than they are part of one.
	 */
	private static boolean isLocalSymbol(char c) {
		return c == '#' || c == '!' || c == '$' || c == '%' || c == '*' || c == '^' || c == '~';
	}

	private static boolean isDomainChar(char c) {
		return c < 128 ? isAsciiAlnum(c) || c == '.' || c == '-' : isNonAsciiWord(c);
	}

	private void emails(int a, int b) {
		int pos = a;
		for (int k = a; k < b; k++) {
			if (s[k] != '@' || k < pos) {
				continue;
			}
			int localStart = k;
			while (localStart > pos && k - localStart <= 64 && isLocalChar(s[localStart - 1])) {
				localStart--;
			}
			if (localStart == a && a > 0 && a > consumedTo && isLocalSymbol(s[a - 1])) {
				// RFC 5322 lets a local part hold symbols that end a word here (foo#bar@test.com): the whole
				// local part, never its tail alone (bar@test.com is someone else)
				while (localStart > consumedTo && localStart > 0 && k - localStart <= 64
						&& (isLocalChar(s[localStart - 1]) || isLocalSymbol(s[localStart - 1]))) {
					localStart--;
				}
			}
			while (localStart < k && (s[localStart] == '.' || s[localStart] == '-' || s[localStart] == '+'
					|| isLocalSymbol(s[localStart]))) {
				localStart++;
			}
			int domainEnd = k + 1;
			while (domainEnd < b && domainEnd - k <= 254 && isDomainChar(s[domainEnd])) {
				domainEnd++;
			}
			while (domainEnd > k + 1 && (s[domainEnd - 1] == '.' || s[domainEnd - 1] == '-')) {
				domainEnd--;
			}
			if (localStart == k || domainEnd == k + 1 || k - localStart > 64 || !hasDot(k + 1, domainEnd)) {
				continue;
			}
			String local = str(localStart, k);
			if (local.endsWith(".") || local.contains("..")) {
				continue;
			}
			DomainNames.Domain domain = DomainNames.parse(str(k + 1, domainEnd));
			if (domain == null) {
				continue;
			}
			piece(pos, localStart);
			Map<String, Object> details = new LinkedHashMap<>();
			details.put(Indicator.DOMAIN, domain.ascii());
			details.put(Indicator.REGISTERED_DOMAIN, domain.registeredDomain());
			if (domain.unicode() != null) {
				details.put(Indicator.DISPLAY_HOST, domain.unicode());
			}
			if (domain.homograph()) {
				details.put(Indicator.HOMOGRAPH, true);
			}
			emit(IndicatorType.EMAIL, local + "@" + domain.ascii(), localStart, domainEnd, details, domain.ascii());
			pos = domainEnd;
			k = domainEnd - 1;
		}
		piece(pos, b);
	}

	// ---------------------------------------------------------------- pieces of words

	private boolean leadingTrim(int a, int b) {
		char c = s[a];
		return switch (c) {
			case '.', '-', '_', '/', '@' -> true;
			case '+' -> a + 1 >= b || !isDigit(s[a + 1]);
			case ':' -> !(a + 2 < b && s[a + 1] == ':' && isHex(s[a + 2]));
			default -> false;
		};
	}

	private boolean trailingTrim(int a, int b) {
		char c = s[b - 1];
		return switch (c) {
			case '.', '-', '_', '/', '@', '+' -> true;
			case ':' -> !(b - 2 > a && s[b - 2] == ':' && b - 3 >= a && isHex(s[b - 3]));
			default -> false;
		};
	}

	/** A piece of a word that holds no URL scheme: split at its separators and classified. */
	private void piece(int a, int b) {
		if (a < consumedTo) {
			a = consumedTo;
		}
		while (a < b && leadingTrim(a, b)) {
			a++;
		}
		while (b > a && trailingTrim(a, b)) {
			b--;
		}
		if (a >= b) {
			return;
		}
		int colon = -1;
		int slash = -1;
		int at = -1;
		boolean dot = false;
		for (int i = a; i < b; i++) {
			switch (s[i]) {
				case ':' -> {
					if (colon < 0) {
						colon = i;
					}
				}
				case '/' -> {
					if (slash < 0) {
						slash = i;
					}
				}
				case '@' -> at = i;
				case '.' -> dot = true;
				default -> {
				}
			}
		}
		if (at >= 0) {
			split(a, b, '@');
		}
		else if (colon >= 0) {
			colon(a, b, colon, slash);
		}
		else if (slash >= 0) {
			slash(a, b, slash);
		}
		else if (dot) {
			dotted(a, b, -1);
		}
		else {
			token(a, b);
		}
	}

	private void split(int a, int b, char separator) {
		int start = a;
		for (int i = a; i < b; i++) {
			if (s[i] == separator) {
				if (i > start) {
					piece(start, i);
				}
				start = i + 1;
			}
		}
		if (b > start) {
			piece(start, b);
		}
	}

	private void colon(int a, int b, int colon, int slash) {
		int addressEnd = slash > colon ? slash : b;
		if (ipv6(a, addressEnd, b)) {
			return;
		}
		// a tag before the address: "IPv6:2001:db8::1" (an RFC 5321 address literal, jsmith@[IPv6:...]), "src:fe80::1"
		if (colon > a && colon - a <= 8 && addressEnd > colon + 2 && !isHexRun(a, colon)
				&& ipv6(colon + 1, addressEnd, b)) {
			return;
		}
		int portEnd = colon + 1;
		while (portEnd < b && portEnd - colon <= 5 && isDigit(s[portEnd])) {
			portEnd++;
		}
		if (portEnd > colon + 1 && (portEnd == b || s[portEnd] == '/') && colon > a) {
			long v4 = IpAddresses.parseIpv4(chars, a, colon);
			boolean host = v4 >= 0 || (hasDot(a, colon) && DomainNames.parse(str(a, colon)) != null);
			if (host) {
				if (portEnd < b && schemelessUrl(a, portEnd)) {
					return;
				}
				int port = Integer.parseInt(str(colon + 1, portEnd));
				if (port > 0 && port <= 65535) {
					if (v4 >= 0) {
						ipv4(a, colon, v4, port);
					}
					else {
						dotted(a, colon, port);
					}
					return;
				}
			}
		}
		split(a, b, ':');
	}

	private boolean isHexRun(int a, int b) {
		for (int i = a; i < b; i++) {
			if (!isHex(s[i])) {
				return false;
			}
		}
		return true;
	}

	private boolean allDigits(int a, int b) {
		for (int i = a; i < b; i++) {
			if (!isDigit(s[i])) {
				return false;
			}
		}
		return a < b;
	}

	private boolean hasDot(int a, int b) {
		for (int i = a; i < b; i++) {
			if (s[i] == '.') {
				return true;
			}
		}
		return false;
	}

	/** An IPv6 address in {@code s[a, addressEnd)}, followed up to {@code b} by nothing or a prefix length. */
	private boolean ipv6(int a, int addressEnd, int b) {
		int colons = 0;
		boolean compressed = false;
		for (int i = a; i < addressEnd; i++) {
			char c = s[i];
			if (c == ':') {
				colons++;
				if (i + 1 < addressEnd && s[i + 1] == ':') {
					compressed = true;
				}
			}
			else if (!isHex(c) && c != '.') {
				return false;
			}
		}
		if (colons < 2 || (!compressed && colons != 7 && !(colons == 6 && hasDot(a, addressEnd)))) {
			return false;
		}
		byte[] address = IpAddresses.parseIpv6(chars, a, addressEnd);
		if (address == null) {
			return false;
		}
		String value = IpAddresses.formatIpv6(address);
		if (isThinIpv6(value)) {
			return false;
		}
		if (addressEnd < b) {
			int prefix = prefixLength(addressEnd + 1, b, 128);
			if (prefix < 0) {
				emit(IndicatorType.IPV6, value, a, addressEnd, Map.of(), null);
				piece(addressEnd + 1, b);
				return true;
			}
			String network = IpAddresses.formatIpv6(IpAddresses.network(address, prefix)) + "/" + prefix;
			emit(IndicatorType.CIDR, value + "/" + prefix, a, b, Map.of(Indicator.NETWORK, network), null);
			return true;
		}
		emit(IndicatorType.IPV6, value, a, addressEnd, Map.of(), null);
		return true;
	}

	/**
	 * Whether a canonical IPv6 address is too thin to be taken for one in prose: a single short group and
	 * {@code ::} ({@code a::}, {@code ::b}, {@code 2::}); {@code ::1} and full groups ({@code fe80::}) count.
	 */
	static boolean isThinIpv6(String value) {
		if (value.equals("::1")) {
			return false;
		}
		int groups = 0;
		int longest = 0;
		for (String group : value.split(":")) {
			if (!group.isEmpty()) {
				groups += group.contains(".") ? 2 : 1;
				longest = Math.max(longest, group.length());
			}
		}
		return groups < 2 && longest < 4;
	}

	/** The prefix length written in {@code s[from, to)} (one to three digits, at most {@code max}), or -1. */
	private int prefixLength(int from, int to, int max) {
		if (to - from < 1 || to - from > 3) {
			return -1;
		}
		int prefix = 0;
		for (int i = from; i < to; i++) {
			if (!isDigit(s[i])) {
				return -1;
			}
			prefix = prefix * 10 + (s[i] - '0');
		}
		if (to - from > 1 && s[from] == '0') {
			return -1;
		}
		return prefix <= max ? prefix : -1;
	}

	private void slash(int a, int b, int slash) {
		long v4 = IpAddresses.parseIpv4(chars, a, slash);
		if (v4 >= 0) {
			int prefix = prefixLength(slash + 1, b, 32);
			if (prefix >= 0) {
				String network = IpAddresses.formatIpv4(IpAddresses.ipv4Value(IpAddresses.network(IpAddresses.ipv4Bytes(v4), prefix)));
				emit(IndicatorType.CIDR, IpAddresses.formatIpv4(v4) + "/" + prefix, a, b,
						Map.of(Indicator.NETWORK, network + "/" + prefix), null);
				return;
			}
			if (allDigits(slash + 1, b) || !schemelessUrl(a, slash)) {
				ipv4(a, slash, v4, -1); // "1.2.3.4/33" is a bad prefix, not a path
				split(slash + 1, b, '/');
			}
			return;
		}
		if (hasDot(a, slash) && DomainNames.parse(str(a, slash)) != null && schemelessUrl(a, slash)) {
			return;
		}
		piece(a, slash);
		// what follows a '/' is a path: a dotted segment there is a file (ns.pid, Agent.AW), unless defanged
		boolean outer = inPath;
		inPath = true;
		try {
			split(slash + 1, b, '/');
		}
		finally {
			inPath = outer;
		}
	}

	private void ipv4(int a, int b, long value, int port) {
		if (versionContext(a)) {
			return;
		}
		emit(IndicatorType.IPV4, IpAddresses.formatIpv4(value), a, b,
				port > 0 ? Map.of(Indicator.PORT, port) : Map.of(), null);
	}

	/** Whether the word before {@code a} says that a dotted number is a version ("version 1.2.3.4"). */
	private boolean versionContext(int a) {
		int i = a - 1;
		while (i >= 0 && a - i < 4 && (s[i] == ' ' || s[i] == ':' || s[i] == '.')) {
			i--;
		}
		int end = i + 1;
		while (i >= 0 && end - i <= 10 && isAsciiLetter(s[i])) {
			i--;
		}
		if (i >= 0 && isLetterOrDigit(s[i])) {
			return false;
		}
		return end - i - 1 > 0 && VERSION_WORDS.contains(str(i + 1, end).toLowerCase(Locale.ROOT));
	}

	/** A dotted piece: an IPv4 address, a domain name, an onion service, an asdot ASN. */
	private void dotted(int a, int b, int port) {
		while (a < b && s[a] == '+') {
			a++; // "+2cdx.site+" in AsciiDoc's passthrough: no phone number (that was tried), and no name starts with '+'
		}
		for (int i = a + 1; i < b; i++) {
			if (s[i] == '.' && s[i - 1] == '.') {
				splitAtDotRuns(a, b);
				return;
			}
		}
		long v4 = IpAddresses.parseIpv4(chars, a, b);
		if (v4 >= 0) {
			ipv4(a, b, v4, port);
			return;
		}
		boolean nonAscii = false;
		boolean letter = false;
		for (int i = a; i < b; i++) {
			char c = s[i];
			if (c >= 128) {
				nonAscii = true;
				letter = true;
			}
			else if (isAsciiLetter(c)) {
				letter = true;
			}
		}
		if (!letter) {
			return; // version numbers, dates, amounts
		}
		if (s[a] == 'A' && b - a > 3 && s[a + 1] == 'S' && isDigit(s[a + 2]) && asdot(a, b)) {
			return;
		}
		if (nonAscii) {
			int[] trimmed = trimCjk(a, b);
			a = trimmed[0];
			b = trimmed[1];
			if (a >= b || !hasDot(a, b)) {
				return;
			}
		}
		if (b - a > 253 || !plausibleTld(a, b)) {
			hashedFileName(a, b);
			return;
		}
		if (inPath && !text.defanged(a, b)) {
			return; // "ns.pid" in /var/run/nscd/ns.pid is a file, not a domain
		}
		String candidate = str(a, b);
		if (candidate.regionMatches(true, candidate.length() - 6, ".onion", 0, 6)) {
			String onion = Onions.canonical(candidate);
			if (onion != null) {
				emit(IndicatorType.ONION, onion, a, b, Map.of(), onion);
			}
			return;
		}
		DomainNames.Domain domain = DomainNames.parse(candidate);
		if (domain == null) {
			return;
		}
		if (!text.defanged(a, b) && !looksLikeAWrittenDomain(candidate, domain)) {
			return;
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put(Indicator.REGISTERED_DOMAIN, domain.registeredDomain());
		if (domain.unicode() != null) {
			details.put(Indicator.DISPLAY_HOST, domain.unicode());
		}
		if (domain.homograph()) {
			details.put(Indicator.HOMOGRAPH, true);
		}
		if (port > 0) {
			details.put(Indicator.PORT, port);
		}
		emit(IndicatorType.DOMAIN, domain.ascii(), a, b, details, domain.ascii());
	}

	/**
	 * A file named by its hash, {@code <sha256>.php} or {@code <md5>.bin}: the hash, when the first label is a
	 * hash-long hex run and the rest a file extension of letters and digits.
	 */
	private void hashedFileName(int a, int b) {
		int dot = a;
		while (dot < b && s[dot] != '.') {
			dot++;
		}
		int length = dot - a;
		if (length != 32 && length != 40 && length != 64 && length != 128 || !isHexRun(a, dot)) {
			return;
		}
		for (int i = dot + 1; i < b; i++) {
			if (!isAsciiAlnum(s[i]) && s[i] != '.') {
				return;
			}
		}
		simpleToken(a, dot);
	}

	/** Pieces between runs of two or more dots ({@code foo..example.com}: {@code foo} and {@code example.com}). */
	private void splitAtDotRuns(int a, int b) {
		int start = a;
		int i = a;
		while (i < b) {
			if (s[i] == '.' && i + 1 < b && s[i + 1] == '.') {
				if (i > start) {
					piece(start, i);
				}
				while (i < b && s[i] == '.') {
					i++;
				}
				start = i;
			}
			else {
				i++;
			}
		}
		if (b > start) {
			piece(start, b);
		}
	}

	/**
	 * Whether the last label of {@code s[a, b)} may be a top-level domain: letters (or punycode) of a known
	 * TLD. Checked before any string is built, so dotted words ({@code e.g.}, {@code invoice.pdf}) cost little.
	 */
	private boolean plausibleTld(int a, int b) {
		int start = b;
		boolean ascii = true;
		while (start > a && s[start - 1] != '.') {
			start--;
			char c = s[start];
			if (c >= 128) {
				ascii = false;
			}
			else if (!isAsciiLetter(c) && c != '-' && !isDigit(c)) {
				return false;
			}
		}
		if (b - start < 2 || start == a) {
			return false;
		}
		if (!ascii) {
			return true; // an internationalised TLD: IDNA decides
		}
		if (s[start] == 'o' || s[start] == 'O') {
			if (b - start == 5 && str(start, b).equalsIgnoreCase("onion")) {
				return true;
			}
		}
		return DomainNames.isTld(str(start, b).toLowerCase(Locale.ROOT));
	}

	/**
	 * Precision for bare domain names in prose: a file name ({@code readme.md}, {@code report.zip}) or two
	 * words run together ({@code blocked.The}, {@code System.IO}) is not taken for a domain.
	 */
	private static boolean looksLikeAWrittenDomain(String candidate, DomainNames.Domain domain) {
		String ascii = domain.ascii();
		int lastDot = candidate.lastIndexOf('.');
		String tld = candidate.substring(lastDot + 1);
		// a suffix in one case is written ("bar.com", "bar.COM", "BAR.com"); one in mixed case ("blocked.The")
		// or after a capitalised word ("System.IO", "Foo.Bar.NET") is two words or a name in code
		boolean tldLower = tld.equals(tld.toLowerCase(Locale.ROOT));
		if (!tldLower) {
			if (!tld.equals(tld.toUpperCase(Locale.ROOT))) {
				return false;
			}
			int labelStart = 0;
			for (int i = 0; i <= lastDot; i++) {
				if (i == lastDot || candidate.charAt(i) == '.') {
					if (i - labelStart >= 2 && Character.isUpperCase(candidate.charAt(labelStart))
							&& Character.isLowerCase(candidate.charAt(labelStart + 1))) {
						return false;
					}
					labelStart = i + 1;
				}
			}
		}
		if (ascii.indexOf('.') == ascii.lastIndexOf('.')
				&& FILE_EXTENSION_TLDS.contains(ascii.substring(ascii.lastIndexOf('.') + 1))) {
			return false;
		}
		return true;
	}

	/** Cuts CJK characters off the first and last label where they run into a Latin name. */
	private int[] trimCjk(int a, int b) {
		int firstDot = a;
		while (firstDot < b && s[firstDot] != '.') {
			firstDot++;
		}
		int lastDot = b - 1;
		while (lastDot > a && s[lastDot] != '.') {
			lastDot--;
		}
		int start = a;
		if (firstDot > a) {
			boolean cjk = isCjk(s[firstDot - 1]);
			start = firstDot - 1;
			while (start > a && isCjk(s[start - 1]) == cjk) {
				start--;
			}
		}
		int end = b;
		if (lastDot < b - 1) {
			boolean cjk = isCjk(s[lastDot + 1]);
			end = lastDot + 2;
			while (end < b && isCjk(s[end]) == cjk) {
				end++;
			}
		}
		return new int[] { start, end };
	}

	/** {@code AS1.10}: the asdot notation of a 32-bit ASN. */
	private boolean asdot(int a, int b) {
		int dot = -1;
		for (int i = a + 2; i < b; i++) {
			if (s[i] == '.') {
				if (dot >= 0) {
					return false;
				}
				dot = i;
			}
			else if (!isDigit(s[i])) {
				return false;
			}
		}
		if (dot < 0 || dot == a + 2 || dot == b - 1 || dot - a - 2 > 5 || b - dot - 1 > 5) {
			return false;
		}
		long high = Long.parseLong(str(a + 2, dot));
		long low = Long.parseLong(str(dot + 1, b));
		if (high > 65535 || low > 65535) {
			return false;
		}
		long asn = high * 65536 + low;
		if (asn == 0) {
			return false;
		}
		emit(IndicatorType.ASN, "AS" + asn, a, b, Map.of(), null);
		return true;
	}

	// ---------------------------------------------------------------- single tokens

	private void token(int a, int b) {
		if (a < consumedTo) {
			a = consumedTo;
		}
		if (a >= b) {
			return;
		}
		if ((isDigit(s[a]) || s[a] == '+') && number(a) > 0) {
			return;
		}
		for (int i = a; i < b; i++) {
			char c = s[i];
			if (c == '-' || c == '_' || c == '+') {
				int start = a;
				for (int j = a; j <= b; j++) {
					if (j == b || s[j] == '-' || s[j] == '_' || s[j] == '+') {
						if (j > start) {
							simpleToken(start, j);
						}
						start = j + 1;
					}
				}
				return;
			}
		}
		simpleToken(a, b);
	}

	/** A token of letters and digits only. */
	private void simpleToken(int a, int b) {
		if (a < consumedTo) {
			return;
		}
		int length = b - a;
		if (length < 4) {
			if ((length == 2 || length == 3) && (s[a] | 0x20) == 'a' && (s[a + 1] | 0x20) == 's') {
				asn(a, b);
			}
			return;
		}
		boolean allHex = true;
		boolean digit = false;
		boolean letter = false;
		boolean lower = false;
		boolean upper = false;
		boolean ascii = true;
		for (int i = a; i < b; i++) {
			char c = s[i];
			if (c >= 128) {
				ascii = false;
				allHex = false;
			}
			else if (isDigit(c)) {
				digit = true;
			}
			else {
				letter = true;
				if (c >= 'a' && c <= 'z') {
					lower = true;
				}
				else {
					upper = true;
				}
				if (!isHex(c)) {
					allHex = false;
				}
			}
		}
		if (!ascii || !digit && !(upper && !lower && (length == 8 || length == 11))) {
			return; // words: only BICs (upper case, 8 or 11 letters) have no digit
		}
		if (allHex && letter && (length == 32 || length == 40 || length == 64 || length == 128)) {
			IndicatorType type = switch (length) {
				case 32 -> IndicatorType.MD5;
				case 40 -> IndicatorType.SHA1;
				case 64 -> IndicatorType.SHA256;
				default -> IndicatorType.SHA512;
			};
			emit(type, str(a, b).toLowerCase(Locale.ROOT), a, b, Map.of(), null);
			return;
		}
		String token = str(a, b);
		if (length == 42 && s[a] == '0' && (s[a + 1] == 'x' || s[a + 1] == 'X')) {
			if (CryptoAddresses.isEthereum(token)) {
				String lowerHex = token.substring(2).toLowerCase(Locale.ROOT);
				emit(IndicatorType.ETHEREUM, "0x" + lowerHex, a, b,
						Map.of(Indicator.CHECKSUMMED, CryptoAddresses.eip55(lowerHex)), null);
			}
			return;
		}
		if ((s[a] == '1' || s[a] == '3') && length >= 26 && length <= 35 || length >= 14
				&& (token.startsWith("bc1") || token.startsWith("BC1"))) {
			String type = CryptoAddresses.bitcoinType(token);
			if (type != null) {
				emit(IndicatorType.BITCOIN, CryptoAddresses.canonicalBitcoin(token), a, b,
						Map.of(Indicator.ADDRESS_TYPE, type), null);
				return;
			}
		}
		if ((s[a] | 0x20) == 'a' && (s[a + 1] | 0x20) == 's') {
			if (asn(a, b)) {
				return;
			}
		}
		if (isAsciiLetter(s[a]) && isAsciiLetter(s[a + 1]) && isDigit(s[a + 2]) && isDigit(s[a + 3]) && iban(a, b)) {
			return;
		}
		if ((length == 8 || length == 11) && !lower) {
			bic(a, b, token);
		}
	}

	/**
	 * {@code AS12345}, {@code ASN12345} (any case: {@code asn1234}, {@code as1234}), or {@code AS} or {@code ASN}
	 * (any case: {@code asn}) followed by a space and the number; not {@code as 2020} or {@code As 2020}, which
	 * are prose.
	 */
	private boolean asn(int a, int b) {
		int digitsStart = a + 2;
		if (digitsStart < b && (s[digitsStart] | 0x20) == 'n') {
			digitsStart++;
		}
		int end = b;
		if (digitsStart == b) {
			if (b + 1 >= n || s[b] != ' ' || !isDigit(s[b + 1])) {
				return false;
			}
			if (b - a == 2 && !(s[a] == 'A' && s[a + 1] == 'S')) {
				return false;
			}
			digitsStart = b + 1;
			end = digitsStart;
			while (end < n && end - digitsStart < 11 && isDigit(s[end])) {
				end++;
			}
			if (end < n && (isLetterOrDigit(s[end]) || s[end] == '.' && end + 1 < n && isDigit(s[end + 1]))) {
				return false;
			}
		}
		int digits = end - digitsStart;
		if (digits < 1 || digits > 10 || s[digitsStart] == '0') {
			return false;
		}
		for (int i = digitsStart; i < end; i++) {
			if (!isDigit(s[i])) {
				return false;
			}
		}
		long number = Long.parseLong(str(digitsStart, end));
		if (number > 4294967295L) {
			return false;
		}
		emit(IndicatorType.ASN, "AS" + number, a, end, Map.of(), null);
		return true;
	}

	/** An IBAN, compact ({@code s[a, b)}) or in groups of four starting with {@code s[a, b)}. */
	private boolean iban(int a, int b) {
		String country = str(a, a + 2).toUpperCase(Locale.ROOT);
		int length = BankIdentifiers.ibanLength(country);
		if (length == 0) {
			return false;
		}
		int end = b;
		String compact;
		if (b - a == length) {
			compact = str(a, b).toUpperCase(Locale.ROOT);
		}
		else if (b - a == 4 && Character.isUpperCase(s[a])) {
			StringBuilder collected = new StringBuilder(34).append(s, a, 4);
			int p = b;
			while (collected.length() < length && p + 1 < n && s[p] == ' ' && isAsciiAlnum(s[p + 1])) {
				int q = p + 1;
				while (q < n && q - p - 1 < 4 && (isDigit(s[q]) || s[q] >= 'A' && s[q] <= 'Z')) {
					q++;
				}
				if (q < n && isLetterOrDigit(s[q])) {
					return false;
				}
				int groupLength = q - p - 1;
				collected.append(s, p + 1, groupLength);
				p = q;
				if (groupLength < 4) {
					break;
				}
			}
			end = p;
			compact = collected.toString();
		}
		else {
			return false;
		}
		if (compact.length() != length || !BankIdentifiers.isValidIban(compact)) {
			return false;
		}
		emit(IndicatorType.IBAN, compact, a, end, Map.of(Indicator.COUNTRY, country), null);
		lastIbanEnd = end;
		return true;
	}

	/** A BIC: only next to the word BIC or SWIFT, or shortly after an IBAN (8 capitals are often just a word). */
	private void bic(int a, int b, String token) {
		if (!BankIdentifiers.isValidBic(token)) {
			return;
		}
		boolean context = a - lastIbanEnd <= 80;
		int from = Math.max(0, a - 40);
		for (int i = from; !context && i + 3 <= a; i++) {
			char c = (char) (s[i] | 0x20);
			if (c == 'b' && (s[i + 1] | 0x20) == 'i' && (s[i + 2] | 0x20) == 'c') {
				context = true;
			}
			else if (c == 's' && i + 5 <= a && (s[i + 1] | 0x20) == 'w' && (s[i + 2] | 0x20) == 'i'
					&& (s[i + 3] | 0x20) == 'f' && (s[i + 4] | 0x20) == 't') {
				context = true;
			}
		}
		if (context) {
			emit(IndicatorType.BIC, token, a, b, Map.of(Indicator.COUNTRY, token.substring(4, 6)), null);
		}
	}

	// ---------------------------------------------------------------- numbers: payment cards and phones

	/**
	 * A number written with groups (at most 40 characters from {@code i}): a payment card or a phone
	 * number. Returns the index after it, or -1.
	 */
	private int number(int i) {
		if (i < consumedTo || i == lastNumberAttempt) {
			return -1;
		}
		lastNumberAttempt = i;
		if (i > 0) {
			char before = s[i - 1];
			if (isLetterOrDigit(before) || before == '.' || before == '-' || before == '_' || before == '/'
					|| before == '+' || before == ',') {
				return -1;
			}
		}
		int limit = Math.min(n, i + 40);
		int p = i;
		boolean plus = false;
		if (s[p] == '+') {
			plus = true;
			p++;
		}
		char[] digits = digitBuffer;
		int count = 0;
		int[] groups = groupBuffer;
		int groupCount = 0;
		int group = 0;
		char separator = 0;
		boolean mixed = false;
		boolean parens = false;
		boolean open = false;
		int lastDigitEnd = -1;
		int singleDigitGroups = 0;
		while (p < limit) {
			char c = s[p];
			if (isDigit(c)) {
				if (count == 20) {
					return -1;
				}
				digits[count++] = c;
				group++;
				p++;
				lastDigitEnd = p;
				continue;
			}
			if (c == '(') {
				if (parens || p + 1 >= n || !isDigit(s[p + 1])) {
					break;
				}
				if (group > 0) {
					if (groupCount == groups.length) {
						return -1;
					}
					groups[groupCount++] = group;
					group = 0;
				}
				parens = true;
				open = true;
				p++;
				continue;
			}
			if (c == ')') {
				if (!open || group == 0) {
					break;
				}
				open = false;
				p++;
				if (p < limit && s[p] == ' ' && p + 1 < n && isDigit(s[p + 1])) {
					p++;
				}
				if (groupCount == groups.length) {
					return -1;
				}
				groups[groupCount++] = group;
				group = 0;
				continue;
			}
			if (c == ' ' || c == '-' || c == '.' || c == '/') {
				if (group == 0 || p + 1 >= n || !(isDigit(s[p + 1]) || s[p + 1] == '(')) {
					break;
				}
				if (group == 1 && ++singleDigitGroups > 2) {
					return -1; // neither a card (one short group at most, the last) nor a phone (two at most)
				}
				if (separator == 0) {
					separator = c;
				}
				else if (separator != c) {
					mixed = true;
				}
				if (groupCount == groups.length) {
					return -1;
				}
				groups[groupCount++] = group;
				group = 0;
				p++;
				continue;
			}
			break;
		}
		if (open || lastDigitEnd < 0) {
			return -1;
		}
		if (group > 0) {
			if (groupCount == groups.length) {
				return -1;
			}
			groups[groupCount++] = group;
		}
		int end = lastDigitEnd;
		if (end < n) {
			char after = s[end];
			// the number must end here, not run on into a longer token ("8192.168.001.a@b.co", "12-ab")
			if (isLetterOrDigit(after) || after == '@' || after == '_' || after == '+'
					|| (after == '.' || after == '-' || after == '/' || after == ':') && end + 1 < n
							&& isLetterOrDigit(s[end + 1])
					|| after == ',' && end + 1 < n && isDigit(s[end + 1])) {
				return -1;
			}
		}
		String number = new String(digits, 0, count);
		if (!plus && !parens && count >= 13 && count <= 19 && !mixed && (groupCount == 1 || separator == ' ' || separator == '-')
				&& cardGrouping(groups, groupCount) && PaymentCards.isValid(number)) {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put(Indicator.BRAND, PaymentCards.brand(number));
			if (cardKey != null) {
				details.put(Indicator.KEYED_HASH, PaymentCards.keyedHash(number, cardKey));
			}
			emit(IndicatorType.PAYMENT_CARD, PaymentCards.mask(number), i, end, details, null);
			return end;
		}
		if (phoneShape(plus, parens, number, groups, groupCount, separator, mixed)) {
			// the digits alone: libphonenumber reads the separators away anyway, and its patterns (extensions, valid
			// punctuation) then run over a shorter, simpler string
			PhoneNumbers.Phone phone = PhoneNumbers.parse(plus ? "+" + number : number, region);
			if (phone != null) {
				emit(IndicatorType.PHONE, phone.e164(), i, end,
						Map.of(Indicator.REGION, phone.region(), Indicator.NUMBER_TYPE, phone.numberType()), null);
				return end;
			}
		}
		return -1;
	}

	private static boolean cardGrouping(int[] groups, int count) {
		if (count == 1) {
			return true;
		}
		if (count == 3 && groups[0] == 4 && groups[1] == 6 && (groups[2] == 5 || groups[2] == 4)) {
			return true;
		}
		for (int g = 0; g < count - 1; g++) {
			if (groups[g] != 4) {
				return false;
			}
		}
		return groups[count - 1] >= 1 && groups[count - 1] <= 4;
	}

	private boolean phoneShape(boolean plus, boolean parens, String number, int[] groups, int groupCount,
			char separator, boolean mixed) {
		int count = number.length();
		boolean international = plus || number.startsWith("00");
		if (count < 7 || count > (international && !plus ? 17 : 15) || groupCount > 7) {
			return false;
		}
		if (mixed && (separator == '.' || separator == '/')) {
			return false;
		}
		int ones = 0;
		for (int g = 0; g < groupCount; g++) {
			if (groups[g] == 1) {
				ones++;
			}
		}
		if (ones > 2) {
			return false;
		}
		if (separator == '.' && groupCount == 4 && groups[0] <= 3 && groups[1] <= 3 && groups[2] <= 3 && groups[3] <= 3) {
			return false; // an IPv4 address
		}
		if (groupCount >= 3 && (groups[0] == 4 && groups[1] == 2 && groups[2] == 2 || groups[0] == 2 && groups[1] == 2
				&& groups[2] == 4) && separator != ' ') {
			return false; // a date
		}
		if (international) {
			return true;
		}
		if (region == null) {
			return false;
		}
		if (zeroTrunkPrefix) {
			return number.charAt(0) == '0';
		}
		return groupCount >= 2 || parens;
	}

	// ---------------------------------------------------------------- results

	private void emit(IndicatorType type, String value, int a, int b, Map<String, Object> details,
			@Nullable String host) {
		boolean strong = text.defanged(a, b);
		boolean weak = text.weaklyDefanged(a, b);
		if (weak && !strong) {
			// "example dot com" is an address; "the dot is" is prose
			if (host == null || host.startsWith("[") || !COMMON_TLDS.contains(host.substring(host.lastIndexOf('.') + 1))) {
				return;
			}
		}
		int from = text.source(a);
		int to = text.sourceEnd(b - 1);
		String original = new String(input, from, Math.max(from, to) - from);
		if (type == IndicatorType.PAYMENT_CARD) {
			original = PaymentCards.maskWritten(original);
		}
		consumedTo = Math.max(consumedTo, b);
		if (options.wants(type)) {
			String benign = warningLists.match(type, value, type == IndicatorType.URL ? host : null);
			long offset = inputOffset + from;
			found.add(new Indicator(type, value, original, offset > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) offset,
					strong || weak, benign, details));
		}
	}

	/** A char array seen as a CharSequence without copying. */
	private record CharArray(char[] buffer, int length) implements CharSequence {

		@Override
		public char charAt(int index) {
			return buffer[index];
		}

		@Override
		public CharSequence subSequence(int start, int end) {
			return new String(buffer, start, end - start);
		}

		@Override
		public String toString() {
			return new String(buffer, 0, length);
		}
	}
}
