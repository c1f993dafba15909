package eu.eccp.shared;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets the platform must keep and use again (second factors, credentials of remote feeds) with
 * AES-256-GCM: a fresh 96-bit nonce each time and associated data naming what the secret belongs to (an account's or
 * a source's id), so a secret copied to another row does not decrypt. The key lives in a file outside the database,
 * readable by its owner only, created on first use; a database dump alone reveals no secret. Stored form: nonce
 * followed by ciphertext and tag. Each purpose has a key file of its own (one leaked key opens one kind of secret).
 */
public final class KeyFileCipher {

	private static final int NONCE_BYTES = 12;
	private static final int TAG_BITS = 128;

	private final SecureRandom random = new SecureRandom();
	private final Path keyFile;
	private final String purpose;
	private volatile SecretKey key;

	/**
	 * @param keyFile where the Base64 key is (created owner-only when missing)
	 * @param purpose what it protects, for error messages ("second-factor", "feed credential")
	 */
	public KeyFileCipher(Path keyFile, String purpose) {
		this.keyFile = keyFile;
		this.purpose = purpose;
	}

	/** The associated data for a secret that belongs to the row with this id. */
	public static byte[] associatedData(UUID owner) {
		return ByteBuffer.allocate(16).putLong(owner.getMostSignificantBits()).putLong(owner.getLeastSignificantBits())
			.array();
	}

	public byte[] encrypt(byte[] associatedData, byte[] secret) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(associatedData);
			byte[] sealed = cipher.doFinal(secret);
			return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("cannot encrypt a " + purpose + " secret", e);
		}
	}

	/**
	 * The secret, or {@link IllegalStateException} when the stored form was made with another key or for another
	 * owner, or was altered.
	 */
	public byte[] decrypt(byte[] associatedData, byte[] stored) {
		if (stored.length <= NONCE_BYTES) {
			throw new IllegalStateException("a stored " + purpose + " secret is too short to be one");
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
			cipher.updateAAD(associatedData);
			return cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("cannot decrypt a " + purpose + " secret (is " + keyFile
					+ " the key it was encrypted with?)", e);
		}
	}

	private SecretKey key() {
		SecretKey loaded = key;
		if (loaded == null) {
			synchronized (this) {
				if (key == null) {
					key = loadOrCreate();
				}
				loaded = key;
			}
		}
		return loaded;
	}

	private SecretKey loadOrCreate() {
		try {
			byte[] bytes = KeyFiles.readOrCreate(keyFile, purpose);
			if (bytes.length != 32) {
				throw new IllegalStateException("the " + purpose + " key file " + keyFile + " does not hold a 256-bit key");
			}
			return new SecretKeySpec(bytes, "AES");
		}
		catch (IllegalArgumentException e) {
			throw new IllegalStateException("the " + purpose + " key file " + keyFile + " is not Base64", e);
		}
	}
}
