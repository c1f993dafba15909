package eu.eccp.sharing.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import eu.eccp.shared.KeyFileCipher;

/**
 * The credentials of feed sources, encrypted for the database with the platform's {@link KeyFileCipher}
 * (AES-256-GCM, the source's id as associated data) under a key of its own
 * ({@code eccp.sharing.feeds.credential-key-file}, {@code DATA_DIR/sharing/feed-credentials.key} by default). They
 * must be sent to the remote server, so they are decrypted for each pull and nowhere else; people see a hint (the
 * last four characters of a credential of sixteen or more) and never the credential itself.
 */
@Component
class FeedCredentials {

	private static final int HINT_FROM_LENGTH = 16;

	private final KeyFileCipher cipher;

	FeedCredentials(FeedProperties properties, @Value("${eccp.data-dir:./data}") Path dataDir) {
		this.cipher = new KeyFileCipher(properties.credentialKeyFile() != null ? properties.credentialKeyFile()
				: dataDir.resolve("sharing").resolve("feed-credentials.key"), "feed credential");
	}

	byte[] seal(UUID source, String secret) {
		return cipher.encrypt(KeyFileCipher.associatedData(source), secret.getBytes(StandardCharsets.UTF_8));
	}

	String open(UUID source, byte[] sealed) {
		return new String(cipher.decrypt(KeyFileCipher.associatedData(source), sealed), StandardCharsets.UTF_8);
	}

	/** What people may see of a credential: its last four characters when it is long enough to keep it secret. */
	static @Nullable String hint(String secret) {
		return secret.length() >= HINT_FROM_LENGTH ? "…" + secret.substring(secret.length() - 4) : null;
	}
}
