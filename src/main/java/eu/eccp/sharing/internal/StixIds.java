package eu.eccp.sharing.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Stable STIX ids: name-based UUIDs (RFC 4122 version 5, SHA-1) in ECCP's namespace, so the same indicator has the
 * same id in every export, and a sighting the same id within one agreement.
 */
public final class StixIds {

	/** ECCP's namespace for name-based ids (itself a version 5 UUID of "eccp.eu" in the URL namespace). */
	public static final UUID NAMESPACE = UUID.fromString("f3b8c0a5-51c2-5e07-9a5d-0c3b7f1d2e64");

	private StixIds() {
	}

	public static UUID indicator(String type, String value) {
		return v5("indicator|" + type + "|" + value);
	}

	public static UUID sighting(UUID agreement, UUID indicator) {
		return v5("sighting|" + agreement + "|" + indicator);
	}

	public static UUID v5(String name) {
		try {
			MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
			ByteBuffer ns = ByteBuffer.allocate(16).putLong(NAMESPACE.getMostSignificantBits())
				.putLong(NAMESPACE.getLeastSignificantBits());
			sha1.update(ns.array());
			byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
			h[6] = (byte) ((h[6] & 0x0f) | 0x50);
			h[8] = (byte) ((h[8] & 0x3f) | 0x80);
			ByteBuffer b = ByteBuffer.wrap(h, 0, 16);
			return new UUID(b.getLong(), b.getLong());
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
