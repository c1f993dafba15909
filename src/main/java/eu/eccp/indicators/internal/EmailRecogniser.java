package eu.eccp.indicators.internal;

import static eu.eccp.indicators.internal.CharClasses.*;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import eu.eccp.indicators.Indicator;
import eu.eccp.indicators.IndicatorType;

/**
 * Finds e-mail addresses around an {@code '@'} of a word: the local part read back from it (RFC 5322
 * {@code atext} less the symbols that delimit an address in URLs, code and quotes), the domain read on and
 * validated by {@link DomainNames}. One address at a time: {@link #at} tries an {@code '@'}, and the scanner
 * dispatches the text before {@link #start()} before it calls {@link #emit()} (an indicator consumes the text
 * before its end).
 */
final class EmailRecogniser {

	private final ScanText t;
	private final char[] s;

	/** The address {@link #at} found last. */
	private int localStart;
	private int domainEnd;
	private String local = "";
	private DomainNames.@Nullable Domain domain;

	EmailRecogniser(ScanText t) {
		this.t = t;
		this.s = t.s;
	}

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

	/**
	 * Whether the {@code '@'} at {@code k} of the word {@code s[a, b)} joins an address whose local part starts
	 * at or after {@code pos}; then {@link #start()} and {@link #end()} say where it is.
	 */
	boolean at(int a, int pos, int k, int b) {
		int localStart = k;
		while (localStart > pos && k - localStart <= 64 && isLocalChar(s[localStart - 1])) {
			localStart--;
		}
		int consumedTo = t.consumedTo;
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
		if (localStart == k || domainEnd == k + 1 || k - localStart > 64 || !t.hasDot(k + 1, domainEnd)) {
			return false;
		}
		String local = t.str(localStart, k);
		if (local.endsWith(".") || local.contains("..")) {
			return false;
		}
		DomainNames.Domain domain = t.names.parse(t.str(k + 1, domainEnd));
		if (domain == null) {
			return false;
		}
		this.localStart = localStart;
		this.domainEnd = domainEnd;
		this.local = local;
		this.domain = domain;
		return true;
	}

	/** Where the address found last starts. */
	int start() {
		return localStart;
	}

	/** Where the address found last ends. */
	int end() {
		return domainEnd;
	}

	/** Records the address found last. */
	void emit() {
		DomainNames.Domain domain = Objects.requireNonNull(this.domain);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put(Indicator.DOMAIN, domain.ascii());
		details.put(Indicator.REGISTERED_DOMAIN, domain.registeredDomain());
		if (domain.unicode() != null) {
			details.put(Indicator.DISPLAY_HOST, domain.unicode());
		}
		if (domain.homograph()) {
			details.put(Indicator.HOMOGRAPH, true);
		}
		t.emit(IndicatorType.EMAIL, local + "@" + domain.ascii(), localStart, domainEnd, details, domain.ascii());
	}
}
