package eu.eccp.shared.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The proof that this JVM, and no other, uses a data directory: an exclusive lock on
 * {@code DATA_DIR/eccp.lock}, held for as long as the embedded PostgreSQL runs. The operating system
 * releases it when the JVM ends, however it ends ({@code kill -9} included), so a held lock means a live
 * instance and a free lock means that whatever PostgreSQL still runs on the directory was left behind. The
 * file holds the holder's process id, for the message that refuses a second instance.
 */
final class DataDirectoryLock implements AutoCloseable {

	static final String FILE_NAME = "eccp.lock";

	/**
	 * Directories this JVM holds: POSIX locks belong to the process, so a second channel on the same file
	 * would not be refused, and closing it would drop the first one's lock.
	 */
	private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

	private final Path directory;
	private final FileChannel channel;
	private final FileLock lock;

	private DataDirectoryLock(Path directory, FileChannel channel, FileLock lock) {
		this.directory = directory;
		this.channel = channel;
		this.lock = lock;
	}

	/**
	 * Takes the lock of {@code dataDirectory} at once, or refuses with the process id of the instance
	 * that holds it; never waits.
	 */
	static DataDirectoryLock acquire(Path dataDirectory) {
		Path directory = dataDirectory.toAbsolutePath().normalize();
		if (!HELD.add(directory)) {
			throw new IllegalStateException("this process (pid " + ProcessHandle.current().pid()
					+ ") already runs an embedded PostgreSQL on " + directory);
		}
		Path file = directory.resolve(FILE_NAME);
		@Nullable FileChannel channel = null;
		try {
			Files.createDirectories(directory);
			channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
			FileLock lock = channel.tryLock();
			if (lock == null) {
				String holder = holder(channel);
				throw new IllegalStateException("another ECCP instance (pid " + holder + ") is using the data directory "
						+ directory + "; stop it first, or give this one a data directory of its own (--eccp.data-dir)");
			}
			channel.truncate(0);
			channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
			channel.force(false);
			return new DataDirectoryLock(directory, channel, lock);
		}
		catch (IOException e) {
			release(directory, channel);
			throw new UncheckedIOException("could not lock " + file + ": " + e.getMessage(), e);
		}
		catch (OverlappingFileLockException e) {
			release(directory, channel);
			throw new IllegalStateException("could not lock " + file + ": this process holds it already", e);
		}
		catch (RuntimeException e) {
			release(directory, channel);
			throw e;
		}
	}

	private static void release(Path directory, @Nullable FileChannel channel) {
		closeQuietly(channel);
		HELD.remove(directory);
	}

	private static String holder(FileChannel channel) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(32);
		channel.read(buffer, 0);
		String pid = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
		return pid.matches("\\d+") ? pid : "unknown";
	}

	private static void closeQuietly(@Nullable FileChannel channel) {
		if (channel != null) {
			try {
				channel.close();
			}
			catch (IOException ignored) {
				// the lock goes with the channel; nothing more to do
			}
		}
	}

	Path directory() {
		return directory;
	}

	/** Releases the lock; the file stays (deleting it would race with the next instance taking it). */
	@Override
	public void close() {
		try {
			if (lock.isValid()) {
				lock.release();
			}
		}
		catch (IOException ignored) {
			// closing the channel below releases it too
		}
		closeQuietly(channel);
		HELD.remove(directory);
	}
}
