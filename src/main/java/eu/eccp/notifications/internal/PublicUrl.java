package eu.eccp.notifications.internal;

/** Small text helpers of the delivery channels. */
final class PublicUrl {

	private PublicUrl() {
	}

	/** The configured public address without a trailing slash, so that links are {@code publicUrl + path}. */
	static String strip(String publicUrl) {
		return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
	}

	static String shorten(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}
}
