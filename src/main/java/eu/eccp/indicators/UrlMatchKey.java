package eu.eccp.indicators;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The form under which two reports of one web address match although they were written differently: the
 * canonical URL of an {@link IndicatorType#URL} indicator (defanging undone, scheme and host in lower case,
 * default port, dot-segments and fragment gone, percent-encoding normalised) with the marketing and
 * click-tracking parameters removed ({@code utm_*}, {@code fbclid}, {@code gclid}, {@code msclkid},
 * {@code mc_eid}...). Parameters that select content are kept in their order. Used wherever one URL must
 * be recognised again (content items of the takedown module).
 */
public final class UrlMatchKey {

	/** Query parameters that only track where a click came from (compared case-insensitively). */
	static final Set<String> TRACKING_PARAMETERS = Set.of("fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid",
			"mc_cid", "mc_eid", "igshid", "yclid", "twclid", "ttclid", "li_fat_id", "_ga", "_gl", "_hsenc", "_hsmi",
			"__hssc", "__hstc", "__hsfp", "hsctatracking", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id",
			"wickedid", "s_cid", "ref_src");

	private UrlMatchKey() {
	}

	/** The match key of a canonical URL (an {@link Indicator#value()} of type URL). */
	public static String of(String canonicalUrl) {
		int query = canonicalUrl.indexOf('?');
		if (query < 0) {
			return canonicalUrl;
		}
		List<String> kept = new ArrayList<>();
		for (String parameter : canonicalUrl.substring(query + 1).split("&")) {
			if (parameter.isEmpty()) {
				continue;
			}
			int equals = parameter.indexOf('=');
			String name = (equals < 0 ? parameter : parameter.substring(0, equals)).toLowerCase(Locale.ROOT);
			if (!name.startsWith("utm_") && !TRACKING_PARAMETERS.contains(name)) {
				kept.add(parameter);
			}
		}
		String base = canonicalUrl.substring(0, query);
		return kept.isEmpty() ? base : base + "?" + String.join("&", kept);
	}

	/** Whether a query parameter is one that only tracks clicks. */
	public static boolean isTrackingParameter(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.startsWith("utm_") || TRACKING_PARAMETERS.contains(lower);
	}
}
