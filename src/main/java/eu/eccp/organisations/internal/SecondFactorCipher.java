package eu.eccp.organisations.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import eu.eccp.shared.UserId;

/**
 * Encrypts second-factor secrets for the database with AES-256-GCM (a fresh 96-bit nonce each time, the
 * account's id as associated data, so a secret copied to another account does not decrypt). The key lives in
 * a file outside the database, readable by its owner only, created on first use; a database dump alone does
 * not reveal anyone's secret. Stored form: nonce followed by ciphertext and tag.
 */
@Component
class SecondFactorCipher {

	private static final int NONCE_BYTES = 12;
	private static final int TAG_BITS = 128;

	private final SecureRandom random = new SecureRandom();
	private final Path keyFile;
	private volatile SecretKey key;

	SecondFactorCipher(AccountsProperties properties, @Value("${eccp.data-dir:./data}") Path dataDir) {
		this.keyFile = properties.secondFactorKeyFile() != null ? properties.secondFactorKeyFile()
				: dataDir.resolve("accounts").resolve("second-factor.key");
	}

	byte[] encrypt(UserId account, byte[] secret) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(associatedData(account.value()));
			byte[] sealed = cipher.doFinal(secret);
			return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("cannot encrypt a second-factor secret", e);
		}
	}

	byte[] decrypt(UserId account, byte[] stored) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
			cipher.updateAAD(associatedData(account.value()));
			return cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("cannot decrypt the second-factor secret of account " + account.value()
					+ " (is " + keyFile + " the key it was encrypted with?)", e);
		}
	}

	private static byte[] associatedData(UUID id) {
		return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
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
			if (!Files.exists(keyFile)) {
				byte[] fresh = new byte[32];
				random.nextBytes(fresh);
				Files.createDirectories(keyFile.toAbsolutePath().getParent());
				try {
					Files.writeString(keyFile, Base64.getEncoder().encodeToString(fresh) + "\n", StandardCharsets.US_ASCII,
							StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
					try {
						Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
					}
					catch (UnsupportedOperationException notPosix) {
						// no POSIX permissions here: the data directory's own protection applies
					}
				}
				catch (FileAlreadyExistsException raced) {
					// another instance created it meanwhile: use theirs
				}
			}
			byte[] bytes = Base64.getDecoder().decode(Files.readString(keyFile, StandardCharsets.US_ASCII).strip());
			if (bytes.length != 32) {
				throw new IllegalStateException("the second-factor key file " + keyFile + " does not hold a 256-bit key");
			}
			return new SecretKeySpec(bytes, "AES");
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read or create the second-factor key " + keyFile, e);
		}
		catch (IllegalArgumentException e) {
			throw new IllegalStateException("the second-factor key file " + keyFile + " is not Base64", e);
		}
	}
}
