package eu.eccp.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Ed25519 key pair that signs audit checkpoints (the JDK's own EdDSA provider), kept as two PEM blocks
 * (PKCS#8 private key, X.509 public key) in one file readable by its owner only. Its id is the first 16 hex
 * digits of the SHA-256 of the public key's X.509 encoding.
 */
final class CheckpointKey {

	static final String ALGORITHM = "Ed25519";

	private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

	private final KeyPair pair;

	private CheckpointKey(KeyPair pair) {
		this.pair = pair;
	}

	/** The key in the file, if there is one. */
	static Optional<CheckpointKey> load(Path file) {
		if (!Files.exists(file)) {
			return Optional.empty();
		}
		try {
			String text = Files.readString(file, StandardCharsets.US_ASCII);
			byte[] privateDer = null;
			byte[] publicDer = null;
			Matcher m = PEM.matcher(text);
			while (m.find()) {
				byte[] der = Base64.getMimeDecoder().decode(m.group(2).strip());
				if (m.group(1).equals("PRIVATE KEY")) {
					privateDer = der;
				}
				else if (m.group(1).equals("PUBLIC KEY")) {
					publicDer = der;
				}
			}
			if (privateDer == null || publicDer == null) {
				throw new IllegalStateException("the audit checkpoint key file " + file + " lacks its private or public key");
			}
			KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
			return Optional.of(new CheckpointKey(new KeyPair(factory.generatePublic(new X509EncodedKeySpec(publicDer)),
					factory.generatePrivate(new PKCS8EncodedKeySpec(privateDer)))));
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read the audit checkpoint key " + file, e);
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			throw new IllegalStateException("the audit checkpoint key file " + file + " is not an Ed25519 key pair", e);
		}
	}

	/** The key in the file, created (owner-only) when there is none yet. */
	static CheckpointKey loadOrCreate(Path file) {
		Optional<CheckpointKey> existing = load(file);
		if (existing.isPresent()) {
			return existing.get();
		}
		try {
			KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
			String pem = pem("PRIVATE KEY", pair.getPrivate().getEncoded()) + pem("PUBLIC KEY", pair.getPublic().getEncoded());
			Files.createDirectories(file.toAbsolutePath().getParent());
			try {
				Files.writeString(file, pem, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
			}
			catch (FileAlreadyExistsException raced) {
				return load(file).orElseThrow();
			}
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException notPosix) {
				// the file system has no POSIX permissions; the data directory's own protection applies
			}
			return new CheckpointKey(pair);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot write the audit checkpoint key " + file, e);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("this JVM has no Ed25519", e);
		}
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
			.encodeToString(der) + "\n-----END " + type + "-----\n";
	}

	String publicKeyBase64() {
		return Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
	}

	String id() {
		return id(pair.getPublic());
	}

	static String id(PublicKey key) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded())).substring(0, 16);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	String sign(byte[] message) {
		try {
			Signature signature = Signature.getInstance(ALGORITHM);
			signature.initSign(privateKey());
			signature.update(message);
			return Base64.getEncoder().encodeToString(signature.sign());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("cannot sign an audit checkpoint", e);
		}
	}

	boolean verify(byte[] message, String signatureBase64) {
		try {
			Signature signature = Signature.getInstance(ALGORITHM);
			signature.initVerify(pair.getPublic());
			signature.update(message);
			return signature.verify(Base64.getDecoder().decode(signatureBase64));
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			return false;
		}
	}

	private PrivateKey privateKey() {
		return pair.getPrivate();
	}
}
