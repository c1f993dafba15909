package eu.eccp.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Files the platform keeps (report attachments, evidence, request attachments): an upload is copied to
 * disk as a stream, never whole in memory, while its SHA-256 is computed and its size checked; a file whose
 * row is not stored is removed again.
 */
public final class HashedFiles {

	private HashedFiles() {
	}

	/** What was written: its size in bytes and the lower-case hex SHA-256 of its content. */
	public record Written(long size, String sha256) {
	}

	/** The stream was longer than allowed; nothing is left on disk. */
	public static final class TooLargeException extends RuntimeException {

		TooLargeException() {
			super("file larger than allowed");
		}
	}

	/**
	 * Copies {@code in} to {@code target} (creating its folder), at most {@code maxBytes}. On any failure,
	 * too large included, the partial file is deleted.
	 *
	 * @throws TooLargeException when the stream is longer than {@code maxBytes}
	 * @throws UncheckedIOException when reading or writing fails
	 */
	public static Written write(InputStream in, Path target, long maxBytes) {
		try {
			Files.createDirectories(target.getParent());
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			long size = 0;
			try (OutputStream out = new DigestOutputStream(Files.newOutputStream(target), digest)) {
				byte[] buffer = new byte[64 * 1024];
				int read;
				while ((read = in.read(buffer)) >= 0) {
					size += read;
					if (size > maxBytes) {
						throw new TooLargeException();
					}
					out.write(buffer, 0, read);
				}
			}
			return new Written(size, HexFormat.of().formatHex(digest.digest()));
		}
		catch (IOException e) {
			deleteQuietly(target);
			throw new UncheckedIOException("could not write " + target.getFileName(), e);
		}
		catch (RuntimeException e) {
			deleteQuietly(target);
			throw e;
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Deletes the file if the current transaction rolls back (its row would not exist). */
	public static void deleteOnRollback(Path file) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					if (status != STATUS_COMMITTED) {
						deleteQuietly(file);
					}
				}
			});
		}
	}

	public static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException e) {
			// a file without a row is harmless: nothing refers to it
		}
	}
}
