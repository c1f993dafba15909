package eu.eccp.indicators.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.google.common.net.InternetDomainName;

import eu.eccp.indicators.Indicator;
import eu.eccp.indicators.IndicatorType;
import eu.eccp.indicators.RelatedValue;
import eu.eccp.indicators.RelatedValues;
import eu.eccp.indicators.Relation;

/**
 * Derives linking values from canonical indicators (see {@link RelatedValues}). The registrable domain is
 * Guava's {@link InternetDomainName#topPrivateDomain()}: the label under the longest <em>public</em> suffix,
 * whose list includes the private section of the public suffix list (so {@code x.blogspot.com} and
 * {@code y.github.io} are domains of their own). Guava's {@code topDomainUnderRegistrySuffix()}, which the
 * extractor's {@code registeredDomain} detail uses, stops at the ICANN section and would make every blog on
 * blogspot.com one domain. The list is the one Guava ships; it is refreshed by upgrading Guava.
 */
public final class LinkingValueDeriver implements RelatedValues {

	private final WarningLists warningLists;
	private final TooCommonLists tooCommon;

	LinkingValueDeriver(WarningLists warningLists, TooCommonLists tooCommon) {
		this.warningLists = warningLists;
		this.tooCommon = tooCommon;
	}

	/** The built-in warning and "too common" lists, plus the {@code *.txt} files of the directories given. */
	public static LinkingValueDeriver load(@Nullable Path warningListDirectory, @Nullable Path tooCommonDirectory) {
		return new LinkingValueDeriver(WarningLists.load(warningListDirectory), TooCommonLists.load(tooCommonDirectory));
	}

	List<String> tooCommonListNames() {
		return tooCommon.names();
	}

	@Override
	public List<RelatedValue> of(String type, String canonicalValue) {
		switch (type) {
			case "URL" -> {
				String host = hostOf(canonicalValue);
				return host == null ? List.of() : ofHost(host);
			}
			case "DOMAIN" -> {
				List<RelatedValue> out = new ArrayList<>(1);
				String registrable = registrable(canonicalValue);
				if (registrable != null && !registrable.equals(canonicalValue)) {
					out.add(related(IndicatorType.DOMAIN, registrable, Relation.REGISTRABLE_DOMAIN));
				}
				return out;
			}
			case "EMAIL" -> {
				int at = canonicalValue.lastIndexOf('@');
				if (at < 0 || at == canonicalValue.length() - 1 || canonicalValue.charAt(at + 1) == '[') {
					return List.of(); // an address literal (user@[192.0.2.1]) has no domain
				}
				return domains(canonicalValue.substring(at + 1).toLowerCase(Locale.ROOT), Relation.EMAIL_DOMAIN);
			}
			default -> {
				return List.of();
			}
		}
	}

	private List<RelatedValue> ofHost(String host) {
		if (host.startsWith("[") && host.endsWith("]")) {
			byte[] v6 = IpAddresses.parseIpv6(host, 1, host.length() - 1);
			return v6 == null ? List.of()
					: List.of(related(IndicatorType.IPV6, IpAddresses.formatIpv6(v6), Relation.HOST));
		}
		long v4 = IpAddresses.parseIpv4(host);
		if (v4 >= 0) {
			return List.of(related(IndicatorType.IPV4, IpAddresses.formatIpv4(v4), Relation.HOST));
		}
		if (host.endsWith(".onion")) {
			String onion = Onions.canonical(host);
			return onion == null ? List.of() : List.of(related(IndicatorType.ONION, onion, Relation.HOST));
		}
		return domains(host, Relation.HOST);
	}

	/** The domain itself (as {@code relation}) and, when it differs, its registrable domain. */
	private List<RelatedValue> domains(String domain, Relation relation) {
		String registrable = registrable(domain);
		if (registrable == null) {
			return List.of(); // a public suffix itself (github.io), or no known suffix: nobody's domain
		}
		List<RelatedValue> out = new ArrayList<>(2);
		out.add(related(IndicatorType.DOMAIN, domain, relation));
		if (!registrable.equals(domain)) {
			out.add(related(IndicatorType.DOMAIN, registrable, Relation.REGISTRABLE_DOMAIN));
		}
		return out;
	}

	/** The registrable domain of a name (public suffix list, private section included), or null. */
	static @Nullable String registrable(String domain) {
		String name = domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
		try {
			InternetDomainName parsed = InternetDomainName.from(name);
			if (!parsed.isUnderPublicSuffix()) {
				return null;
			}
			return parsed.topPrivateDomain().toString();
		}
		catch (IllegalArgumentException | IllegalStateException e) {
			return null;
		}
	}

	/** The host of a canonical URL ({@code scheme://[userinfo@]host[:port]/...}), or null. */
	static @Nullable String hostOf(String url) {
		int schemeEnd = url.indexOf("://");
		if (schemeEnd < 0) {
			return null;
		}
		int start = schemeEnd + 3;
		int end = start;
		while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
			end++;
		}
		String authority = url.substring(start, end);
		authority = authority.substring(authority.lastIndexOf('@') + 1);
		if (authority.startsWith("[")) {
			int close = authority.indexOf(']');
			return close < 0 ? null : authority.substring(0, close + 1);
		}
		int colon = authority.lastIndexOf(':');
		String host = (colon >= 0 ? authority.substring(0, colon) : authority).toLowerCase(Locale.ROOT);
		return host.isEmpty() ? null : host;
	}

	private RelatedValue related(IndicatorType type, String value, Relation relation) {
		String benign = warningLists.match(new Indicator(type, value, value, 0, false, null, Map.of()));
		if (benign == null && type == IndicatorType.DOMAIN) {
			benign = tooCommon.match(value);
		}
		return new RelatedValue(type, value, relation, benign);
	}
}
