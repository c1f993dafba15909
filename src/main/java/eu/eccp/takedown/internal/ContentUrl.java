package eu.eccp.takedown.internal;

/**
 * A reported web address: its canonical form, the key (also the address the item keeps: tracking parameters
 * can identify the person who clicked, so they are not kept) under which any other form of it matches
 * ({@link eu.eccp.indicators.UrlMatchKey}), and its host.
 */
record ContentUrl(String value, String key, String host) {

	/** For pages: never a working link ({@code hxxps://host[.]example/path}). */
	static String defanged(String url) {
		String result = url.replaceFirst("^http", "hxxp").replaceFirst("^ftp", "fxp");
		int start = result.indexOf("://");
		int end = result.indexOf('/', start < 0 ? 0 : start + 3);
		if (start < 0) {
			return result.replace(".", "[.]");
		}
		String host = result.substring(start + 3, end < 0 ? result.length() : end);
		return result.substring(0, start + 3) + host.replace(".", "[.]") + (end < 0 ? "" : result.substring(end));
	}
}
