package eu.eccp.indicators.internal;

import static eu.eccp.indicators.internal.CharClasses.*;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

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
 *
 * <p>The scanner is the dispatch: {@link WordCursor} hands it the words, and it cuts them into pieces at their
 * separators and sends each piece to the recogniser its shape calls for, each beside the validator it uses:
 * {@link UrlRecogniser}, {@link EmailRecogniser}, {@link IpRecogniser}, {@link DomainRecogniser},
 * {@link AsnRecogniser}, {@link NumberRecogniser} (payment cards, phones), {@link BankRecogniser} (IBAN, BIC)
 * and {@link CryptoRecogniser}. They share the text and what was found through one {@link ScanText}, and
 * return to the dispatch what is left of a word for it to cut further.
 */
final class Scanner implements WordCursor.Words {

	private final ScanText t;
	private final PreparedText text;
	private final char[] s;
	private final int n;
	private final CharSequence chars;

	private final UrlRecogniser urls;
	private final EmailRecogniser emails;
	private final IpRecogniser ips;
	private final DomainRecogniser domains;
	private final AsnRecogniser asns;
	private final NumberRecogniser numbers;
	private final BankRecogniser banks;
	private final CryptoRecogniser crypto;

	/** Set while the segments after a {@code '/'} of a word that is no URL are read (see {@link #slash}). */
	private boolean inPath;

	/**
	 * A scanner over {@code text}, prepared from {@code input} (whose first character is at
	 * {@code inputOffset} in the whole stream).
	 */
	Scanner(PreparedText text, char[] input, long inputOffset, ExtractionOptions options, byte @Nullable [] cardKey,
			WarningLists warningLists, DomainNames.Parser names) {
		this.t = new ScanText(text, input, inputOffset, options, warningLists, names);
		this.text = text;
		this.s = t.s;
		this.n = t.n;
		this.chars = t.chars;
		this.urls = new UrlRecogniser(t);
		this.emails = new EmailRecogniser(t);
		this.ips = new IpRecogniser(t);
		this.domains = new DomainRecogniser(t);
		this.asns = new AsnRecogniser(t);
		this.numbers = new NumberRecogniser(t, options.defaultRegion(), cardKey);
		this.banks = new BankRecogniser(t);
		this.crypto = new CryptoRecogniser(t);
	}

	/** Scans the whole text. */
	List<Indicator> scan() {
		scan(0, n);
		return t.found;
	}

	/** What was found so far, in the order found (not always by position). */
	List<Indicator> found() {
		return t.found;
	}

	/**
	 * Where the last indicator (or the last word read as a whole) ended: nothing before it is read again. A
	 * windowed scan carries it from the window before ({@link WindowedScan}), so that a look-behind (the local
	 * part of an e-mail address) reaches as far back as in a scan of the whole text.
	 */
	int consumedTo() {
		return t.consumedTo;
	}

	void consumedTo(int consumedTo) {
		t.consumedTo = consumedTo;
	}

	/** Where the last IBAN ended (a BIC shortly after one is taken); carried from window to window too. */
	int lastIbanEnd() {
		return banks.lastIbanEnd;
	}

	void lastIbanEnd(int lastIbanEnd) {
		banks.lastIbanEnd = lastIbanEnd;
	}

	/**
	 * Scans the words that start in {@code [start, stop)}; what is before {@code start} is context only (read
	 * behind a word, never reported), what is after {@code stop} is read only ahead of a word that started
	 * before it. Returns where a scan of the rest must resume: the end of the last word or indicator.
	 */
	int scan(int start, int stop) {
		if (t.consumedTo == ScanText.UNSET) {
			t.consumedTo = start;
		}
		return WordCursor.scan(s, n, start, stop, this);
	}

	/** A word the cursor found worth a look: dispatched; returns where the cursor goes on. */
	@Override
	public int word(int a, int b, int content) {
		word(a, b, (byte) content);
		return Math.max(b, t.consumedTo);
	}

	/** A {@code '('} followed by a digit: a phone number such as {@code (0)1 23 45 67 89}, or -1. */
	@Override
	public int parenthesisedNumber(int i) {
		return numbers.number(i) > 0 ? t.consumedTo : -1;
	}

	@Override
	public boolean asnWord(int i) {
		return asns.isAsnWord(i);
	}

	// ---------------------------------------------------------------- words

	/** A word {@code s[a, b)}; {@code content} tells (conservatively) whether it holds ':' or '@'. */
	private void word(int a, int b, byte content) {
		char first = s[a];
		if ((isDigit(first) || first == '+') && numbers.number(a) > 0) {
			return;
		}
		int k = (content & COLON) != 0 ? schemeSeparator(a, b) : -1;
		if (k >= 0) {
			int sp = k;
			while (sp > a && k - sp < 6 && isAsciiLetter(s[sp - 1])) {
				sp--;
			}
			if (sp < k && Urls.SCHEMES.contains(t.str(sp, k).toLowerCase(Locale.ROOT))
					&& (sp == a || !isAsciiAlnum(s[sp - 1]))) {
				if (sp > a) {
					plain(a, sp);
				}
				if (!urls.url(sp, k)) {
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
		if (a < t.consumedTo) {
			a = t.consumedTo;
		}
		for (int i = a; i < b; i++) {
			if (s[i] == '@') {
				emails(a, b);
				return;
			}
		}
		piece(a, b);
	}

	/** A word holding an {@code '@'}: its e-mail addresses, and the pieces before, between and after them. */
	private void emails(int a, int b) {
		int pos = a;
		for (int k = a; k < b; k++) {
			if (s[k] != '@' || k < pos || !emails.at(a, pos, k, b)) {
				continue;
			}
			int start = emails.start();
			int end = emails.end();
			piece(pos, start);
			emails.emit();
			pos = end;
			k = end - 1;
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
		if (a < t.consumedTo) {
			a = t.consumedTo;
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
		if (colon > a && colon - a <= 8 && addressEnd > colon + 2 && !t.isHexRun(a, colon)
				&& ipv6(colon + 1, addressEnd, b)) {
			return;
		}
		int portEnd = colon + 1;
		while (portEnd < b && portEnd - colon <= 5 && isDigit(s[portEnd])) {
			portEnd++;
		}
		if (portEnd > colon + 1 && (portEnd == b || s[portEnd] == '/') && colon > a) {
			long v4 = IpAddresses.parseIpv4(chars, a, colon);
			boolean host = v4 >= 0 || (t.hasDot(a, colon) && t.names.parse(t.str(a, colon)) != null);
			if (host) {
				if (portEnd < b && urls.schemelessUrl(a, portEnd)) {
					return;
				}
				int port = Integer.parseInt(t.str(colon + 1, portEnd));
				if (port > 0 && port <= 65535) {
					if (v4 >= 0) {
						ips.ipv4(a, colon, v4, port);
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

	/**
	 * An IPv6 address in {@code s[a, addressEnd)}, followed up to {@code b} by nothing or a prefix length; what
	 * follows that is no prefix length is a piece of its own.
	 */
	private boolean ipv6(int a, int addressEnd, int b) {
		int end = ips.ipv6(a, addressEnd, b);
		if (end < 0) {
			return false;
		}
		if (end < b) {
			piece(end + 1, b);
		}
		return true;
	}

	private void slash(int a, int b, int slash) {
		long v4 = IpAddresses.parseIpv4(chars, a, slash);
		if (v4 >= 0) {
			if (ips.ipv4Network(a, slash, b, v4)) {
				return;
			}
			if (t.allDigits(slash + 1, b) || !urls.schemelessUrl(a, slash)) {
				ips.ipv4(a, slash, v4, -1); // "1.2.3.4/33" is a bad prefix, not a path
				split(slash + 1, b, '/');
			}
			return;
		}
		if (t.hasDot(a, slash) && t.names.parse(t.str(a, slash)) != null && urls.schemelessUrl(a, slash)) {
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
			ips.ipv4(a, b, v4, port);
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
		if (s[a] == 'A' && b - a > 3 && s[a + 1] == 'S' && isDigit(s[a + 2]) && asns.asdot(a, b)) {
			return;
		}
		if (nonAscii) {
			int start = domains.cjkStart(a, b);
			int end = domains.cjkEnd(a, b);
			a = start;
			b = end;
			if (a >= b || !t.hasDot(a, b)) {
				return;
			}
		}
		if (b - a > 253 || !domains.plausibleTld(a, b)) {
			hashedFileName(a, b);
			return;
		}
		if (inPath && !text.defanged(a, b)) {
			return; // "ns.pid" in /var/run/nscd/ns.pid is a file, not a domain
		}
		domains.name(a, b, port);
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
		if (length != 32 && length != 40 && length != 64 && length != 128 || !t.isHexRun(a, dot)) {
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

	// ---------------------------------------------------------------- single tokens

	private void token(int a, int b) {
		if (a < t.consumedTo) {
			a = t.consumedTo;
		}
		if (a >= b) {
			return;
		}
		if ((isDigit(s[a]) || s[a] == '+') && numbers.number(a) > 0) {
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
		if (a < t.consumedTo) {
			return;
		}
		int length = b - a;
		if (length < 4) {
			if ((length == 2 || length == 3) && (s[a] | 0x20) == 'a' && (s[a + 1] | 0x20) == 's') {
				asns.asn(a, b);
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
			t.emit(type, t.str(a, b).toLowerCase(Locale.ROOT), a, b, Map.of(), null);
			return;
		}
		if (crypto.ethereum(a, b) || crypto.bitcoin(a, b)) {
			return;
		}
		if ((s[a] | 0x20) == 'a' && (s[a + 1] | 0x20) == 's') {
			if (asns.asn(a, b)) {
				return;
			}
		}
		if (isAsciiLetter(s[a]) && isAsciiLetter(s[a + 1]) && isDigit(s[a + 2]) && isDigit(s[a + 3]) && banks.iban(a, b)) {
			return;
		}
		if ((length == 8 || length == 11) && !lower) {
			banks.bic(a, b);
		}
	}
}
