package eu.eccp.blocklist.isp;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Applies a verified document to the local copy, or refuses it. The rules: the document names the copy's
 * country; a full list must be newer than the copy (the same version only if identical); a delta must
 * start exactly at the copy's version ({@code from} greater: a gap; smaller: a replay of an older delta)
 * and end at a version not older; additions must be new and removals present; the resulting list's digest
 * must be the one signed in the document.
 */
public final class ListUpdate {

	private ListUpdate() {
	}

	/** The new copy, or empty when the document changes nothing (already at that version). */
	public static Optional<LocalCopy.Copy> apply(LocalCopy.@Nullable Copy current, String country, ListDocument doc)
			throws RefusedListException {
		if (!doc.country().equals(country)) {
			throw new RefusedListException("the list is for " + doc.country() + ", not " + country);
		}
		if (current != null && !current.country().equals(country)) {
			throw new RefusedListException("the local copy is for " + current.country() + ", not " + country
					+ ": use another directory");
		}
		long held = current == null ? 0 : current.version();
		if (doc.kind() == ListDocument.Kind.FULL) {
			if (doc.version() < held) {
				throw new RefusedListException("replay: the list's version " + doc.version() + " is older than the copy's " + held);
			}
			List<byte[]> hashes = new ArrayList<>();
			for (ListDocument.Change c : doc.changes()) {
				hashes.add(c.hash());
			}
			checkDigest(doc, ListDocument.digestOf(hashes));
			if (current != null && doc.version() == held) {
				if (!MessageDigest.isEqual(doc.digest(), ListDocument.digestOf(current.list()))) {
					throw new RefusedListException("the list has the copy's version " + held + " but other entries");
				}
				return Optional.empty();
			}
			byte[][] h = hashes.toArray(byte[][]::new);
			long[] refs = doc.changes().stream().mapToLong(ListDocument.Change::referenceCode).toArray();
			int[] hostKeys = doc.changes().stream().mapToInt(ListDocument.Change::hostKey).toArray();
			return Optional.of(new LocalCopy.Copy(country, doc.version(), doc.issued(), HashedBlockList.of(h, refs, hostKeys)));
		}
		if (current == null) {
			throw new RefusedListException("a delta needs a local copy; fetch the full list");
		}
		if (doc.from() > held) {
			throw new RefusedListException("gap: the delta starts at version " + doc.from() + " but the copy is at " + held);
		}
		if (doc.from() < held) {
			throw new RefusedListException("replay: the delta starts at version " + doc.from() + ", older than the copy's " + held);
		}
		if (doc.version() < doc.from()) {
			throw new RefusedListException("the delta ends before it starts");
		}
		if (doc.version() == held) {
			if (!doc.changes().isEmpty()) {
				throw new RefusedListException("a delta to the same version with changes");
			}
			checkDigest(doc, ListDocument.digestOf(current.list()));
			return Optional.empty();
		}
		HexFormat hex = HexFormat.of();
		Map<String, long[]> entries = new HashMap<>(current.list().size() * 2);
		HashedBlockList list = current.list();
		for (int i = 0; i < list.size(); i++) {
			entries.put(hex.formatHex(list.hash(i)), new long[] { list.referenceCode(i), list.hostKey(i) });
		}
		for (ListDocument.Change c : doc.changes()) {
			String key = hex.formatHex(c.hash());
			if (c.add()) {
				if (entries.putIfAbsent(key, new long[] { c.referenceCode(), c.hostKey() }) != null) {
					throw new RefusedListException("the delta adds an entry the copy already has: fetch the full list");
				}
			}
			else if (entries.remove(key) == null) {
				throw new RefusedListException("the delta removes an entry the copy does not have: fetch the full list");
			}
		}
		byte[][] hashes = new byte[entries.size()][];
		long[] refs = new long[entries.size()];
		int[] hostKeys = new int[entries.size()];
		int i = 0;
		for (Map.Entry<String, long[]> e : entries.entrySet()) {
			hashes[i] = hex.parseHex(e.getKey());
			refs[i] = e.getValue()[0];
			hostKeys[i++] = (int) e.getValue()[1];
		}
		HashedBlockList next = HashedBlockList.of(hashes, refs, hostKeys);
		checkDigest(doc, ListDocument.digestOf(next));
		return Optional.of(new LocalCopy.Copy(country, doc.version(), doc.issued(), next));
	}

	private static void checkDigest(ListDocument doc, byte[] actual) throws RefusedListException {
		if (!MessageDigest.isEqual(doc.digest(), actual)) {
			throw new RefusedListException("the resulting list's digest does not match the signed one");
		}
	}
}
