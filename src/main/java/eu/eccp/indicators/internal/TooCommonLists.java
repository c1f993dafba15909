package eu.eccp.indicators.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Lists of domains too common to link records as a derived value: a report naming a gmail.com address and
 * another naming a different gmail.com address have nothing in common, nor do two bit.ly links, two Google
 * Docs or two sites of the same shared hosting provider. The full value (the address, the URL) still links
 * exactly; only the domain derived from it does not.
 *
 * <p>A list is a UTF-8 text file {@code NAME.txt}, one entry per line, {@code #} starting a comment. An entry
 * {@code name} stands for that domain only (so {@code weebly.com} keeps {@code shop.weebly.com} linkable as a
 * host, the customer's own site); {@code *.name} for the domain and all its sub-domains (a platform whose
 * sub-domains are its own, {@code *.google.com}). The built-in lists are resources under
 * {@code indicators/too-common/}; an administrator adds lists as files in a directory
 * ({@code eccp.indicators.related.too-common-dir}), read at start-up.
 */
final class TooCommonLists {

	/** The built-in lists, in the order they are consulted. */
	static final List<String> BUILT_IN = List.of("free-mail", "url-shorteners", "big-platforms", "shared-hosting");

	private final List<String> names = new ArrayList<>();
	private final Map<String, String> exact = new HashMap<>();
	private final Map<String, String> withSubdomains = new HashMap<>();

	private TooCommonLists() {
	}

	static TooCommonLists load(@Nullable Path directory) {
		TooCommonLists lists = new TooCommonLists();
		ListFiles.read("too-common list", "/indicators/too-common/", BUILT_IN, directory, lists::read);
		return lists;
	}

	List<String> names() {
		return List.copyOf(names);
	}

	private void read(String name, InputStream in) throws IOException {
		names.add(name);
		BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
		String line;
		int number = 0;
		while ((line = reader.readLine()) != null) {
			number++;
			int hash = line.indexOf('#');
			String entry = (hash >= 0 ? line.substring(0, hash) : line).strip().toLowerCase(Locale.ROOT);
			if (entry.isEmpty()) {
				continue;
			}
			boolean subdomains = entry.startsWith("*.");
			String domain = subdomains ? entry.substring(2) : entry;
			try {
				domain = IDN.toASCII(domain).toLowerCase(Locale.ROOT);
			}
			catch (IllegalArgumentException e) {
				domain = "";
			}
			if (domain.isEmpty() || !domain.matches("[a-z0-9_-]+(\\.[a-z0-9_-]+)+")) {
				throw new IllegalArgumentException("too-common list " + name + ", line " + number + ": not a domain: " + entry);
			}
			(subdomains ? withSubdomains : exact).putIfAbsent(domain, name);
		}
	}

	/** The name of the list a domain (punycode, lower case) is on, or null. */
	@Nullable String match(String domain) {
		String list = exact.get(domain);
		if (list != null) {
			return list;
		}
		String name = domain;
		while (true) {
			list = withSubdomains.get(name);
			if (list != null) {
				return list;
			}
			int dot = name.indexOf('.');
			if (dot < 0) {
				return null;
			}
			name = name.substring(dot + 1);
		}
	}
}
