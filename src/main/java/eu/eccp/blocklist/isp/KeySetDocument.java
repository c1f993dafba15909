package eu.eccp.blocklist.isp;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The published signing keys, in a line format signed (detached, {@link SignatureHeader}) by every key it
 * lists whose private half the platform holds, so a client that trusts any one of them learns the others:
 *
 * <pre>
 * eccp-blocklist-keys 1
 * issued 2026-12-01T12:00:00Z
 * key &lt;id&gt; &lt;base64 X.509&gt; &lt;valid from&gt; &lt;valid until, or -&gt;
 * end
 * </pre>
 *
 * Rotation: a new key is listed (and signs the set) before it signs lists; the old one stays listed with an
 * end of validity, so clients that sync in between trust both, and lists signed by either verify.
 */
public record KeySetDocument(Instant issued, List<PublishedKey> keys) {

	public static final String MAGIC = "eccp-blocklist-keys 1";

	public KeySetDocument {
		keys = List.copyOf(keys);
	}

	public byte[] toBytes() {
		StringBuilder out = new StringBuilder();
		out.append(MAGIC).append('\n').append("issued ").append(issued).append('\n');
		for (PublishedKey k : keys) {
			out.append("key ").append(k.id()).append(' ').append(k.publicKeyBase64()).append(' ').append(k.validFrom())
				.append(' ').append(k.validUntil() == null ? "-" : k.validUntil().toString()).append('\n');
		}
		out.append("end\n");
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	public static KeySetDocument parse(byte[] bytes) throws ListDocument.MalformedListException {
		String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
		if (lines.length < 4 || !lines[0].equals(MAGIC) || !lines[1].startsWith("issued ")
				|| !lines[lines.length - 2].equals("end") || !lines[lines.length - 1].isEmpty()) {
			throw new ListDocument.MalformedListException("not a key set");
		}
		try {
			Instant issued = Instant.parse(lines[1].substring(7));
			List<PublishedKey> keys = new ArrayList<>();
			for (int i = 2; i < lines.length - 2; i++) {
				String[] f = lines[i].split(" ");
				if (f.length != 5 || !f[0].equals("key")) {
					throw new ListDocument.MalformedListException("bad key line " + (i + 1));
				}
				byte[] x509 = Base64.getDecoder().decode(f[2]);
				if (!PublishedKey.idOf(x509).equals(f[1])) {
					throw new ListDocument.MalformedListException("key id does not match its key in line " + (i + 1));
				}
				keys.add(new PublishedKey(f[1], x509, Instant.parse(f[3]), f[4].equals("-") ? null : Instant.parse(f[4])));
			}
			return new KeySetDocument(issued, keys);
		}
		catch (DateTimeParseException | IllegalArgumentException e) {
			throw new ListDocument.MalformedListException("bad key set: " + e.getMessage());
		}
	}
}
