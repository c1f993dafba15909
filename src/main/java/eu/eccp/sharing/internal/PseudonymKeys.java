package eu.eccp.sharing.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import eu.eccp.shared.KeyFiles;
import eu.eccp.shared.OrganisationId;

/**
 * Keyed pseudonyms per partner. The platform keeps one secret (a file outside the database, owner-only, created on
 * first use); each partner's key is {@code HMAC-SHA-256(secret, "eccp-pseudonym/1:" + partner organisation id)}, and
 * a value reaches that partner as {@code hex(HMAC-SHA-256(partner key, TYPE + ":" + canonical value))}. So one value
 * has the same pseudonym in every export to one partner (it can count and link its own data), two partners get
 * different pseudonyms for it (they cannot link theirs), and only the platform, holding the secret, can tell which
 * value stands behind a pseudonym (by computing it for the values it holds). The ids of objects carrying pseudonyms
 * are keyed the same way, so they do not reveal the value either.
 */
@Component
public class PseudonymKeys {

	private final Path keyFile;
	private volatile byte @org.jspecify.annotations.Nullable [] secret;

	private final java.util.concurrent.ConcurrentMap<OrganisationId, byte[]> partnerKeys =
			new java.util.concurrent.ConcurrentHashMap<>();

	PseudonymKeys(SharingProperties properties, @Value("${eccp.data-dir:./data}") Path dataDir) {
		this.keyFile = properties.pseudonymKeyFile() != null ? properties.pseudonymKeyFile()
				: dataDir.resolve("sharing").resolve("pseudonym.key");
	}

	/** The pseudonym of a value for one partner, 64 lower-case hex digits. */
	public String pseudonym(OrganisationId partner, String type, String value) {
		return HexFormat.of().formatHex(hmac(partnerKey(partner), type + ":" + value));
	}

	/** A version-5-shaped UUID keyed for one partner: an object's id that only the platform can tie to its value. */
	public UUID keyedUuid(OrganisationId partner, String name) {
		byte[] h = hmac(partnerKey(partner), "id:" + name);
		h[6] = (byte) ((h[6] & 0x0f) | 0x50);
		h[8] = (byte) ((h[8] & 0x3f) | 0x80);
		ByteBuffer b = ByteBuffer.wrap(h, 0, 16);
		return new UUID(b.getLong(), b.getLong());
	}

	byte[] partnerKey(OrganisationId partner) {
		// derived once per partner: every exported row of a personal-data type needs it, often twice
		return partnerKeys.computeIfAbsent(partner, p -> hmac(secret(), "eccp-pseudonym/1:" + p.value()));
	}

	private static byte[] hmac(byte[] key, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private byte[] secret() {
		byte[] loaded = secret;
		if (loaded == null) {
			synchronized (this) {
				if (secret == null) {
					secret = loadOrCreate();
				}
				loaded = secret;
			}
		}
		return loaded;
	}

	private byte[] loadOrCreate() {
		try {
			byte[] bytes = KeyFiles.readOrCreate(keyFile, "pseudonym");
			if (bytes.length < 32) {
				throw new IllegalStateException("the pseudonym key file " + keyFile + " holds fewer than 256 bits");
			}
			return bytes;
		}
		catch (IllegalArgumentException e) {
			throw new IllegalStateException("the pseudonym key file " + keyFile + " is not Base64", e);
		}
	}
}
