package eu.eccp.organisations.internal;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import eu.eccp.shared.KeyFileCipher;
import eu.eccp.shared.UserId;

/**
 * Encrypts second-factor secrets for the database with the platform's {@link KeyFileCipher} (AES-256-GCM, the
 * account's id as associated data, so a secret copied to another account does not decrypt), under a key of its own
 * ({@code eccp.accounts.second-factor-key-file}, {@code DATA_DIR/accounts/second-factor.key} by default).
 */
@Component
class SecondFactorCipher {

	private final KeyFileCipher cipher;

	SecondFactorCipher(AccountsProperties properties, @Value("${eccp.data-dir:./data}") Path dataDir) {
		this.cipher = new KeyFileCipher(properties.secondFactorKeyFile() != null ? properties.secondFactorKeyFile()
				: dataDir.resolve("accounts").resolve("second-factor.key"), "second-factor");
	}

	byte[] encrypt(UserId account, byte[] secret) {
		return cipher.encrypt(KeyFileCipher.associatedData(account.value()), secret);
	}

	byte[] decrypt(UserId account, byte[] stored) {
		return cipher.decrypt(KeyFileCipher.associatedData(account.value()), stored);
	}
}
