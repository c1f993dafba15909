package eu.eccp.blocklist.isp;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * The ISP's local copy of one country's list in the sync directory: {@code list.bin} (binary: magic
 * {@code ECCPBL02}, country, version, issue time, count, then each entry's 32-byte hash, 8-byte reference
 * code and 4-byte host key in hash order, then a SHA-256 of all that), {@code list.bin.previous} (the copy before the last
 * change) and {@code trusted-keys} (the keys it accepts, in {@link KeySetDocument}'s format). A new copy is
 * written to a temporary file, forced to disk and moved over the old one atomically, so a crash or an error
 * leaves the previous copy whole.
 */
public final class LocalCopy {

	static final String LIST = "list.bin";

	static final String PREVIOUS = "list.bin.previous";

	static final String TRUSTED_KEYS = "trusted-keys";

	private static final byte[] MAGIC = "ECCPBL02".getBytes(StandardCharsets.US_ASCII);

	/** A copy: its country, version, when the platform issued it, and its entries. */
	public record Copy(String country, long version, Instant issued, HashedBlockList list) {
	}

	private final Path dir;

	public LocalCopy(Path dir) {
		this.dir = dir;
	}

	public Path dir() {
		return dir;
	}

	public Path listFile() {
		return dir.resolve(LIST);
	}

	public Optional<Copy> read() throws IOException {
		Path file = listFile();
		if (!Files.exists(file)) {
			return Optional.empty();
		}
		return Optional.of(read(file));
	}

	static Copy read(Path file) throws IOException {
		MessageDigest sha = ExpressionHash.sha256();
		try (InputStream raw = Files.newInputStream(file);
				DigestInputStream digesting = new DigestInputStream(new BufferedInputStream(raw, 1 << 16), sha);
				DataInputStream in = new DataInputStream(digesting)) {
			byte[] magic = in.readNBytes(MAGIC.length);
			if (!Arrays.equals(magic, MAGIC)) {
				throw new IOException(file + " is not a block-list copy");
			}
			String country = new String(in.readNBytes(2), StandardCharsets.US_ASCII);
			long version = in.readLong();
			Instant issued = Instant.ofEpochMilli(in.readLong());
			int count = in.readInt();
			if (count < 0) {
				throw new IOException(file + " is damaged");
			}
			long[] first = new long[count];
			long[] rest = new long[3 * count];
			long[] refs = new long[count];
			int[] hostKeys = new int[count];
			for (int i = 0; i < count; i++) {
				first[i] = in.readLong();
				rest[3 * i] = in.readLong();
				rest[3 * i + 1] = in.readLong();
				rest[3 * i + 2] = in.readLong();
				refs[i] = in.readLong();
				hostKeys[i] = in.readInt();
			}
			digesting.on(false);
			byte[] expected = sha.digest();
			byte[] stored = in.readNBytes(32);
			if (!MessageDigest.isEqual(expected, stored) || in.read() != -1) {
				throw new IOException(file + " is damaged (its checksum does not match)");
			}
			return new Copy(country, version, issued, HashedBlockList.ofSorted(first, rest, refs, hostKeys));
		}
	}

	/** Replaces the copy: the current one becomes {@code list.bin.previous}, the new one {@code list.bin}. */
	public void write(Copy copy) throws IOException {
		Files.createDirectories(dir);
		Path temp = Files.createTempFile(dir, ".list-", ".tmp");
		try {
			MessageDigest sha = ExpressionHash.sha256();
			try (OutputStream raw = Files.newOutputStream(temp, StandardOpenOption.WRITE);
					BufferedOutputStream buffered = new BufferedOutputStream(raw, 1 << 16);
					DigestOutputStream digesting = new DigestOutputStream(buffered, sha);
					DataOutputStream out = new DataOutputStream(digesting)) {
				out.write(MAGIC);
				out.write(copy.country().getBytes(StandardCharsets.US_ASCII));
				out.writeLong(copy.version());
				out.writeLong(copy.issued().toEpochMilli());
				HashedBlockList list = copy.list();
				out.writeInt(list.size());
				for (int i = 0; i < list.size(); i++) {
					out.write(list.hash(i));
					out.writeLong(list.referenceCode(i));
					out.writeInt(list.hostKey(i));
				}
				digesting.on(false);
				out.write(sha.digest());
			}
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
				channel.force(true);
			}
			Path current = listFile();
			if (Files.exists(current)) {
				Files.copy(current, dir.resolve(PREVIOUS), StandardCopyOption.REPLACE_EXISTING);
			}
			try {
				Files.move(temp, current, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException e) {
				Files.move(temp, current, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	public Optional<KeySetDocument> trustedKeys() throws IOException {
		Path file = dir.resolve(TRUSTED_KEYS);
		if (!Files.exists(file)) {
			return Optional.empty();
		}
		try {
			return Optional.of(KeySetDocument.parse(Files.readAllBytes(file)));
		}
		catch (ListDocument.MalformedListException e) {
			throw new IOException(file + " is damaged: " + e.getMessage());
		}
	}

	public void writeTrustedKeys(KeySetDocument keys) throws IOException {
		Files.createDirectories(dir);
		Path temp = Files.createTempFile(dir, ".keys-", ".tmp");
		try {
			Files.write(temp, keys.toBytes());
			Files.move(temp, dir.resolve(TRUSTED_KEYS), StandardCopyOption.ATOMIC_MOVE,
					StandardCopyOption.REPLACE_EXISTING);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}
}
