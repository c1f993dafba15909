package eu.eccp.blocklist.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.blocklist.isp.KeySetDocument;
import eu.eccp.blocklist.isp.PublishedKey;
import eu.eccp.blocklist.isp.SignatureHeader;

/**
 * The Ed25519 keys that sign lists (the JDK's EdDSA). Public halves and validity are in
 * {@code blocklist_signing_key}, private halves in PKCS#8 PEM files (owner-only) under the key directory,
 * one per key id; the directory must be shared by all nodes like the rest of {@code DATA_DIR}. The first
 * key is made on first use. Rotation publishes a new key that starts signing after the overlap; the old one
 * stays valid one overlap longer, so clients syncing within that time learn the new key from a key set the
 * old one signed.
 */
@Component
class SigningKeys {

	private final SigningKeyRepository keys;

	private final Clock clock;

	private final Path dir;

	private final BlockListProperties properties;

	SigningKeys(SigningKeyRepository keys, Clock clock, BlockListProperties properties,
			@Value("${eccp.data-dir:./data}") Path dataDir) {
		this.keys = keys;
		this.clock = clock;
		this.properties = properties;
		this.dir = properties.keyDir() != null ? properties.keyDir() : dataDir.resolve("blocklist").resolve("keys");
	}

	List<PublishedKey> published() {
		return keys.all();
	}

	/** Keys not past their validity: what the key set lists. */
	List<PublishedKey> current() {
		Instant now = clock.instant();
		return published().stream().filter(k -> k.validUntil() == null || k.validUntil().isAfter(now)).toList();
	}

	/** Signs with the key valid now (made when there is none). */
	@Transactional
	public String sign(byte[] document, Instant issued) {
		PublishedKey key = signingKey(issued);
		return SignatureHeader.format(Map.of(key.id(), sign(key.id(), document)));
	}

	/** The key set, signed by every listed key whose private half is here. */
	@Transactional
	public Signed keySet() {
		signingKey(clock.instant());
		KeySetDocument set = new KeySetDocument(clock.instant().truncatedTo(ChronoUnit.SECONDS), current());
		byte[] bytes = set.toBytes();
		Map<String, byte[]> signatures = new LinkedHashMap<>();
		for (PublishedKey key : set.keys()) {
			if (Files.exists(file(key.id()))) {
				signatures.put(key.id(), sign(key.id(), bytes));
			}
		}
		return new Signed(bytes, SignatureHeader.format(signatures));
	}

	record Signed(byte[] body, String signature) {
	}

	/** Publishes a new key that signs from {@code now + overlap}; the current one stays valid one overlap longer. */
	@Transactional
	public PublishedKey rotate() {
		lockKeys();
		Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		Instant from = now.plus(properties.keyOverlap());
		PublishedKey next = create(from);
		keys.endOthersAt(next.id(), from.plus(properties.keyOverlap()));
		return next;
	}

	private PublishedKey signingKey(Instant at) {
		Optional<PublishedKey> valid = published().stream()
			.filter(k -> k.validAt(at) && Files.exists(file(k.id())))
			.reduce((a, b) -> b);
		if (valid.isPresent()) {
			return valid.get();
		}
		lockKeys();
		return published().stream()
			.filter(k -> k.validAt(at) && Files.exists(file(k.id())))
			.reduce((a, b) -> b)
			.orElseGet(() -> create(at.truncatedTo(ChronoUnit.SECONDS).minusSeconds(1)));
	}

	private PublishedKey create(Instant validFrom) {
		try {
			KeyPair pair = KeyPairGenerator.getInstance(PublishedKey.ALGORITHM).generateKeyPair();
			PublishedKey key = PublishedKey.of(pair.getPublic(), validFrom, null);
			Files.createDirectories(dir);
			Path file = file(key.id());
			String pem = "-----BEGIN PRIVATE KEY-----\n"
					+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
					+ "\n-----END PRIVATE KEY-----\n";
			Files.writeString(file, pem, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException notPosix) {
				// the data directory's own protection applies
			}
			keys.insert(key, clock.instant());
			return key;
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot write a block-list signing key under " + dir, e);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("this JVM has no Ed25519", e);
		}
	}

	/** Serialises key creation and rotation across nodes for the rest of the transaction. */
	private void lockKeys() {
		keys.lockForTransaction();
	}

	private Path file(String id) {
		return dir.resolve(id + ".pem");
	}

	private byte[] sign(String id, byte[] document) {
		try {
			String pem = Files.readString(file(id), StandardCharsets.US_ASCII);
			String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
			PrivateKey key = KeyFactory.getInstance(PublishedKey.ALGORITHM)
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
			Signature signature = Signature.getInstance(PublishedKey.ALGORITHM);
			signature.initSign(key);
			signature.update(document);
			return signature.sign();
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read the block-list signing key " + id, e);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("cannot sign with block-list key " + id, e);
		}
	}
}
