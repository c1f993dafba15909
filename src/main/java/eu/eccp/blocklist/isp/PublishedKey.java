package eu.eccp.blocklist.isp;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

/**
 * A public Ed25519 key that signs block lists, with the time span in which documents it signed are
 * accepted ({@code validUntil} null: until further notice). Its id is the first 16 hex digits of the
 * SHA-256 of its X.509 encoding.
 */
public record PublishedKey(String id, byte[] x509, Instant validFrom, @Nullable Instant validUntil) {

	public static final String ALGORITHM = "Ed25519";

	public static PublishedKey of(PublicKey key, Instant validFrom, @Nullable Instant validUntil) {
		return new PublishedKey(idOf(key.getEncoded()), key.getEncoded(), validFrom, validUntil);
	}

	public static String idOf(byte[] x509) {
		return HexFormat.of().formatHex(ExpressionHash.sha256().digest(x509)).substring(0, 16);
	}

	public String publicKeyBase64() {
		return Base64.getEncoder().encodeToString(x509);
	}

	/** Whether a document issued at that time falls in the key's validity. */
	public boolean validAt(Instant issued) {
		return !issued.isBefore(validFrom) && (validUntil == null || issued.isBefore(validUntil));
	}

	public boolean verifies(byte[] message, byte[] signature) {
		try {
			PublicKey key = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(x509));
			Signature verifier = Signature.getInstance(ALGORITHM);
			verifier.initVerify(key);
			verifier.update(message);
			return verifier.verify(signature);
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			return false;
		}
	}

	public boolean sameKey(PublishedKey other) {
		return MessageDigest.isEqual(x509, other.x509);
	}
}
