package eu.eccp.blocklist.internal;

import static eu.eccp.shared.SqlTimes.at;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import eu.eccp.blocklist.isp.ListDocument;
import eu.eccp.blocklist.isp.ReferenceCode;
import eu.eccp.shared.ConflictException;

/**
 * Each country's list: consecutive versions, each recording the entries it added and removed, the current
 * members, and the signed documents served from them (full list, delta since a version, RPZ zone). A
 * version is taken under the lock of the country's head row, so versions never skip or repeat. Documents
 * carry only SHA-256 hashes, reference codes and host keys — the RPZ zone alone names hosts, and only those
 * of whole-host entries. Signed documents are kept for a minute (by size, at most 256 MB) so that many ISPs
 * syncing at once cost one build.
 */
@Component
class CountryLists {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SigningKeys keys;

	private final BlockListProperties properties;

	private final Cache<String, SignedDocument> documents = Caffeine.newBuilder()
		.expireAfterWrite(java.time.Duration.ofMinutes(1))
		.maximumWeight(256L << 20)
		.<String, SignedDocument>weigher((key, doc) -> doc.body().length)
		.build();

	CountryLists(JdbcClient jdbc, Clock clock, SigningKeys keys, BlockListProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.keys = keys;
		this.properties = properties;
	}

	/** A document and its detached signature header. */
	record SignedDocument(byte[] body, String signature, long version) {
	}

	/**
	 * Publishes a new version of the country's list that adds and removes these entries; returns it. Runs in
	 * the caller's transaction; nothing is published when both are empty.
	 */
	@Transactional
	public long publish(String country, Collection<UUID> added, Collection<UUID> removed) {
		Instant now = clock.instant();
		jdbc.sql("INSERT INTO blocklist_country (country, version, updated_at) VALUES (:c, 0, :now) ON CONFLICT DO NOTHING")
			.param("c", country)
			.param("now", at(now))
			.update();
		long current = jdbc.sql("SELECT version FROM blocklist_country WHERE country = :c FOR UPDATE")
			.param("c", country)
			.query(Long.class)
			.single();
		if (added.isEmpty() && removed.isEmpty()) {
			return current;
		}
		long version = current + 1;
		jdbc.sql("UPDATE blocklist_country SET version = :v, updated_at = :now WHERE country = :c")
			.param("v", version)
			.param("now", at(now))
			.param("c", country)
			.update();
		jdbc.sql("INSERT INTO blocklist_version (country, version, published_at) VALUES (:c, :v, :now)")
			.param("c", country)
			.param("v", version)
			.param("now", at(now))
			.update();
		for (UUID id : added) {
			jdbc.sql("INSERT INTO blocklist_change (country, version, entry_id, added) VALUES (:c, :v, :id, TRUE)")
				.param("c", country).param("v", version).param("id", id).update();
			jdbc.sql("INSERT INTO blocklist_member (country, entry_id, added_in) VALUES (:c, :id, :v)")
				.param("c", country).param("v", version).param("id", id).update();
		}
		for (UUID id : removed) {
			jdbc.sql("INSERT INTO blocklist_change (country, version, entry_id, added) VALUES (:c, :v, :id, FALSE)")
				.param("c", country).param("v", version).param("id", id).update();
			jdbc.sql("DELETE FROM blocklist_member WHERE country = :c AND entry_id = :id")
				.param("c", country).param("id", id).update();
		}
		return version;
	}

	/** The countries whose current list holds the entry. */
	List<String> countriesListing(UUID entry) {
		return jdbc.sql("SELECT country FROM blocklist_member WHERE entry_id = :id ORDER BY country")
			.param("id", entry)
			.query(String.class)
			.list();
	}

	/** The countries whose list carries each of the entries, in one query (for a page of entries). */
	Map<UUID, List<String>> countriesListing(Collection<UUID> entries) {
		Map<UUID, List<String>> listed = new HashMap<>();
		if (entries.isEmpty()) {
			return listed;
		}
		jdbc.sql("SELECT entry_id, country FROM blocklist_member WHERE entry_id = ANY (CAST(:ids AS uuid[])) ORDER BY country")
			.param("ids", entries.toArray(UUID[]::new))
			.query((rs, n) -> listed.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>()).add(rs.getString(2)))
			.list();
		return listed;
	}

	long version(String country) {
		return jdbc.sql("SELECT version FROM blocklist_country WHERE country = :c")
			.param("c", country)
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	@Transactional
	public SignedDocument full(String country) {
		long version = version(country);
		return documents.get(country + ":" + version + ":full", k -> {
			List<ListDocument.Change> changes = jdbc.sql("""
					SELECT e.expression_hash, e.reference_code, e.host_key FROM blocklist_member m
					JOIN blocklist_entry e ON e.id = m.entry_id WHERE m.country = :c ORDER BY e.expression_hash""")
				.param("c", country)
				.query((rs, i) -> new ListDocument.Change(true, rs.getBytes(1), ReferenceCode.parse(rs.getString(2)), rs.getInt(3)))
				.list();
			byte[] digest = ListDocument.digestOf(changes.stream().map(ListDocument.Change::hash).toList());
			return sign(new ListDocument(country, ListDocument.Kind.FULL, 0, version, issuedNow(), digest, changes));
		});
	}

	/**
	 * The changes from {@code since} to the current version.
	 *
	 * @throws BlockListDistribution.FullListRequiredException when {@code since} is older than the deltas kept
	 * @throws ConflictException when {@code since} is newer than the current version
	 */
	@Transactional
	public SignedDocument delta(String country, long since) {
		long version = version(country);
		if (since > version) {
			throw new ConflictException("version " + since + " is newer than the list's current version " + version);
		}
		if (since < 0 || since < version - properties.deltaVersions()) {
			throw new BlockListDistribution.FullListRequiredException("version " + since + " is too old for a delta: fetch the full list");
		}
		return documents.get(country + ":" + version + ":since:" + since, k -> {
			// an entry that was a member at `since` has its first change since then a removal
			List<Object[]> touched = jdbc.sql("""
					SELECT DISTINCT ON (c.entry_id) c.entry_id, c.added, e.expression_hash, e.reference_code, e.host_key,
					  EXISTS (SELECT 1 FROM blocklist_member m WHERE m.country = c.country AND m.entry_id = c.entry_id) AS member_now
					FROM blocklist_change c JOIN blocklist_entry e ON e.id = c.entry_id
					WHERE c.country = :c AND c.version > :since
					ORDER BY c.entry_id, c.version""")
				.param("c", country)
				.param("since", since)
				.query((rs, i) -> new Object[] { rs.getBoolean(2), rs.getBytes(3), rs.getString(4), rs.getInt(5), rs.getBoolean(6) })
				.list();
			List<ListDocument.Change> changes = new ArrayList<>();
			for (Object[] t : touched) {
				boolean memberThen = !(Boolean) t[0];
				boolean memberNow = (Boolean) t[4];
				if (memberNow && !memberThen) {
					changes.add(new ListDocument.Change(true, (byte[]) t[1], ReferenceCode.parse((String) t[2]), (Integer) t[3]));
				}
				else if (memberThen && !memberNow) {
					changes.add(ListDocument.Change.removal((byte[]) t[1]));
				}
			}
			List<byte[]> members = jdbc.sql("""
					SELECT e.expression_hash FROM blocklist_member m JOIN blocklist_entry e ON e.id = m.entry_id
					WHERE m.country = :c""")
				.param("c", country)
				.query((rs, i) -> rs.getBytes(1))
				.list();
			return sign(new ListDocument(country, ListDocument.Kind.DELTA, since, version, issuedNow(),
					ListDocument.digestOf(members), changes));
		});
	}

	/**
	 * The RPZ zone (RFC draft "DNS Response Policy Zones") of the country's whole-host entries: each host and
	 * its subdomains answer NXDOMAIN, or a CNAME to the stop-page host when one is configured.
	 */
	@Transactional
	public SignedDocument rpz(String country) {
		long version = version(country);
		return documents.get(country + ":" + version + ":rpz", k -> {
			List<String> hosts = jdbc.sql("""
					SELECT DISTINCT e.host FROM blocklist_member m JOIN blocklist_entry e ON e.id = m.entry_id
					WHERE m.country = :c AND e.whole_host ORDER BY e.host""")
				.param("c", country)
				.query(String.class)
				.list();
			String target = properties.rpzStopHost() == null ? "." : properties.rpzStopHost().replaceAll("\\.?$", ".");
			StringBuilder zone = new StringBuilder();
			zone.append("; ECCP block list ").append(country).append(" version ").append(version)
				.append(", whole-host entries only\n");
			zone.append("$TTL 300\n");
			zone.append("@ SOA localhost. hostmaster.localhost. ").append(version).append(" 3600 600 86400 300\n");
			zone.append("@ NS localhost.\n");
			Set<String> seen = new HashSet<>();
			for (String host : hosts) {
				if (host.startsWith("[") || host.matches("[0-9.]+") || !seen.add(host)) {
					continue; // IP literals are not names
				}
				zone.append(host).append(" CNAME ").append(target).append('\n');
				zone.append("*.").append(host).append(" CNAME ").append(target).append('\n');
			}
			byte[] body = zone.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
			return new SignedDocument(body, keys.sign(body, clock.instant()), version);
		});
	}

	private Instant issuedNow() {
		return clock.instant().truncatedTo(ChronoUnit.SECONDS);
	}

	private SignedDocument sign(ListDocument doc) {
		byte[] body = doc.toBytes();
		return new SignedDocument(body, keys.sign(body, doc.issued()), doc.version());
	}
}
