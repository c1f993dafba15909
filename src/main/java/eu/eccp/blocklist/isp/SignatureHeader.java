package eu.eccp.blocklist.isp;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The detached Ed25519 signatures of a document, as the HTTP header {@value #NAME} carries them:
 * {@code keyId:base64signature}, several separated by {@code ", "} (key sets are signed by every key they
 * hand over from, lists by the current signing key).
 */
public final class SignatureHeader {

	public static final String NAME = "ECCP-Signature";

	private SignatureHeader() {
	}

	public static String format(Map<String, byte[]> signatures) {
		List<String> parts = new ArrayList<>();
		signatures.forEach((id, sig) -> parts.add(id + ":" + Base64.getEncoder().encodeToString(sig)));
		return String.join(", ", parts);
	}

	/** Key id to signature; malformed parts are left out (they verify nothing). */
	public static Map<String, byte[]> parse(String header) {
		Map<String, byte[]> out = new LinkedHashMap<>();
		for (String part : header.split(",")) {
			String p = part.strip();
			int colon = p.indexOf(':');
			if (colon <= 0) {
				continue;
			}
			try {
				out.put(p.substring(0, colon), Base64.getDecoder().decode(p.substring(colon + 1)));
			}
			catch (IllegalArgumentException e) {
				// not Base64: ignore
			}
		}
		return out;
	}

	/**
	 * Whether one of the signatures is by one of the trusted keys, valid when the document was issued,
	 * and verifies over the exact bytes.
	 */
	public static boolean verifiedBy(List<PublishedKey> trusted, byte[] document, String header, java.time.Instant issued) {
		Map<String, byte[]> signatures = parse(header);
		for (PublishedKey key : trusted) {
			byte[] sig = signatures.get(key.id());
			if (sig != null && key.validAt(issued) && key.verifies(document, sig)) {
				return true;
			}
		}
		return false;
	}
}
