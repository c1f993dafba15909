package eu.eccp.blocklist.isp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A country's block list as it travels to ISPs, in full or as a delta, in one strict line format (UTF-8,
 * {@code \n} line ends), signed over its exact bytes:
 *
 * <pre>
 * eccp-blocklist 1
 * country DE
 * kind full                    (or: kind delta)
 * from 40                      (deltas only: the version the delta applies to)
 * version 42
 * issued 2026-12-01T12:00:00Z
 * digest &lt;64 hex&gt;             (SHA-256 of the resulting list's hashes, sorted, 32 raw bytes each)
 * count 2
 * + &lt;64 hex SHA-256&gt; &lt;reference code&gt; &lt;host key, 6 hex&gt;
 * - &lt;64 hex SHA-256&gt;           (deltas only: a removal)
 * end
 * </pre>
 *
 * A full list has only {@code +} lines, sorted by hash. The {@code end} line makes a cut-off document
 * fail to parse, the digest makes a client whose copy has drifted notice it after applying a delta.
 */
public record ListDocument(String country, Kind kind, long from, long version, Instant issued, byte[] digest,
		List<Change> changes) {

	public static final String MAGIC = "eccp-blocklist 1";

	private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

	public enum Kind {
		FULL, DELTA
	}

	/** One line: an addition (with its reference code) or a removal. */
	public record Change(boolean add, byte[] hash, long referenceCode, int hostKey) {

		public static Change addition(String expression, long referenceCode) {
			return new Change(true, ExpressionHash.of(expression), referenceCode, ExpressionHash.hostKey(expression));
		}

		public static Change removal(byte[] hash) {
			return new Change(false, hash, 0, 0);
		}
	}

	public ListDocument {
		changes = List.copyOf(changes);
	}

	/** Thrown for a document that is not exactly in the format above. */
	public static final class MalformedListException extends Exception {

		public MalformedListException(String message) {
			super(message);
		}
	}

	/** The digest of a list: SHA-256 over its hashes sorted in byte order. */
	public static byte[] digestOf(List<byte[]> hashes) {
		List<byte[]> sorted = new ArrayList<>(hashes);
		sorted.sort(Arrays::compareUnsigned);
		MessageDigest sha = ExpressionHash.sha256();
		for (byte[] h : sorted) {
			sha.update(h);
		}
		return sha.digest();
	}

	public static byte[] digestOf(HashedBlockList list) {
		MessageDigest sha = ExpressionHash.sha256();
		for (int i = 0; i < list.size(); i++) {
			sha.update(list.hash(i));
		}
		return sha.digest();
	}

	public byte[] toBytes() {
		HexFormat hex = HexFormat.of();
		StringBuilder out = new StringBuilder(120 + changes.size() * 80);
		out.append(MAGIC).append('\n');
		out.append("country ").append(country).append('\n');
		out.append("kind ").append(kind.name().toLowerCase(Locale.ROOT)).append('\n');
		if (kind == Kind.DELTA) {
			out.append("from ").append(from).append('\n');
		}
		out.append("version ").append(version).append('\n');
		out.append("issued ").append(issued).append('\n');
		out.append("digest ").append(hex.formatHex(digest)).append('\n');
		out.append("count ").append(changes.size()).append('\n');
		List<Change> ordered = new ArrayList<>(changes);
		ordered.sort(Comparator.comparing(Change::hash, Arrays::compareUnsigned));
		for (Change c : ordered) {
			out.append(c.add() ? "+ " : "- ").append(hex.formatHex(c.hash()));
			if (c.add()) {
				out.append(' ').append(ReferenceCode.format(c.referenceCode())).append(' ')
					.append(hex.toHexDigits(c.hostKey()).substring(2));
			}
			out.append('\n');
		}
		out.append("end\n");
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	public static ListDocument parse(byte[] bytes) throws MalformedListException {
		String text = new String(bytes, StandardCharsets.UTF_8);
		if (!text.endsWith("end\n")) {
			throw new MalformedListException("the list does not end with its 'end' line (cut off?)");
		}
		String[] lines = text.split("\n", -1);
		int i = 0;
		expect(lines, i++, MAGIC);
		String country = header(lines, i++, "country");
		if (!COUNTRY.matcher(country).matches()) {
			throw new MalformedListException("bad country '" + country + "'");
		}
		Kind kind = switch (header(lines, i++, "kind")) {
			case "full" -> Kind.FULL;
			case "delta" -> Kind.DELTA;
			default -> throw new MalformedListException("kind is neither full nor delta");
		};
		long from = kind == Kind.DELTA ? number(header(lines, i++, "from")) : 0;
		long version = number(header(lines, i++, "version"));
		Instant issued;
		try {
			issued = Instant.parse(header(lines, i++, "issued"));
		}
		catch (DateTimeParseException e) {
			throw new MalformedListException("bad issued time");
		}
		byte[] digest = hash(header(lines, i++, "digest"));
		long count = number(header(lines, i++, "count"));
		if (count != lines.length - i - 2) {
			throw new MalformedListException("count " + count + " does not match the " + (lines.length - i - 2) + " lines");
		}
		List<Change> changes = new ArrayList<>((int) count);
		byte[] previous = null;
		for (long k = 0; k < count; k++) {
			String line = lines[i++];
			Change change;
			if (line.startsWith("+ ") && line.length() == 2 + 64 + 1 + ReferenceCode.LENGTH + 7 && line.charAt(66) == ' '
					&& line.charAt(77) == ' ') {
				long ref = ReferenceCode.parse(line.substring(67, 77));
				if (ref < 0) {
					throw new MalformedListException("bad reference code in line " + i);
				}
				int hostKey;
				try {
					hostKey = HexFormat.fromHexDigits(line, 78, 84);
				}
				catch (IllegalArgumentException e) {
					throw new MalformedListException("bad host key in line " + i);
				}
				change = new Change(true, hash(line.substring(2, 66)), ref, hostKey);
			}
			else if (line.startsWith("- ") && line.length() == 66 && kind == Kind.DELTA) {
				change = Change.removal(hash(line.substring(2)));
			}
			else {
				throw new MalformedListException("bad line " + i);
			}
			if (previous != null && Arrays.compareUnsigned(previous, change.hash()) >= 0) {
				throw new MalformedListException("lines not in strictly ascending order of hash at line " + i);
			}
			previous = change.hash();
			changes.add(change);
		}
		expect(lines, i++, "end");
		return new ListDocument(country, kind, from, version, issued, digest, changes);
	}

	private static void expect(String[] lines, int i, String expected) throws MalformedListException {
		if (i >= lines.length || !lines[i].equals(expected)) {
			throw new MalformedListException("line " + (i + 1) + " should be '" + expected + "'");
		}
	}

	private static String header(String[] lines, int i, String name) throws MalformedListException {
		if (i >= lines.length || !lines[i].startsWith(name + " ")) {
			throw new MalformedListException("line " + (i + 1) + " should be the '" + name + "' header");
		}
		return lines[i].substring(name.length() + 1);
	}

	private static long number(String value) throws MalformedListException {
		try {
			long n = Long.parseLong(value);
			if (n < 0) {
				throw new NumberFormatException();
			}
			return n;
		}
		catch (NumberFormatException e) {
			throw new MalformedListException("bad number '" + value + "'");
		}
	}

	private static byte[] hash(String hex) throws MalformedListException {
		if (hex.length() != 64) {
			throw new MalformedListException("a hash has 64 hex digits");
		}
		try {
			return HexFormat.of().parseHex(hex);
		}
		catch (IllegalArgumentException e) {
			throw new MalformedListException("bad hex in a hash");
		}
	}
}
