package eu.eccp.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The platform's secret key files: 256 random bits in Base64, created on first use readable by the owner only
 * (where the file system has POSIX permissions); when several instances start at once, the first file written wins
 * and every instance reads it.
 */
public final class KeyFiles {

	private static final SecureRandom RANDOM = new SecureRandom();

	private KeyFiles() {
	}

	/** The key's bytes, creating the file with a fresh 256-bit key when there is none yet. */
	public static byte[] readOrCreate(Path keyFile, String purpose) {
		try {
			if (!Files.exists(keyFile)) {
				byte[] fresh = new byte[32];
				RANDOM.nextBytes(fresh);
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
			return Base64.getDecoder().decode(Files.readString(keyFile, StandardCharsets.US_ASCII).strip());
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read or create the " + purpose + " key " + keyFile, e);
		}
	}
}
