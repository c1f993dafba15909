package eu.eccp.blocklist.internal;

import static eu.eccp.shared.SqlTimes.at;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.blocklist.isp.ListDocument;
import eu.eccp.blocklist.isp.ReferenceCode;

/**
 * Each country's list: its head row with the current version ({@code blocklist_country}), its versions
 * ({@code blocklist_version}), the entries each version added and removed ({@code blocklist_change}) and the
 * current members ({@code blocklist_member}).
 */
@Repository
class CountryListRepository {

	/**
	 * An entry changed since a version: whether its first change since then added it (so it was no member then),
	 * whether it is a member now, and what a document says of it.
	 */
	record Touched(boolean firstChangeAdded, byte[] expressionHash, String referenceCode, int hostKey, boolean memberNow) {
	}

	private final JdbcClient jdbc;

	CountryListRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Locks the country's head row for the rest of the transaction (made at version 0 if new); its version. */
	long lockHead(String country, Instant now) {
		jdbc.sql("INSERT INTO blocklist_country (country, version, updated_at) VALUES (:c, 0, :now) ON CONFLICT DO NOTHING")
			.param("c", country)
			.param("now", at(now))
			.update();
		return jdbc.sql("SELECT version FROM blocklist_country WHERE country = :c FOR UPDATE")
			.param("c", country)
			.query(Long.class)
			.single();
	}

	/** Records a new version: these entries join the list and those leave it (under the head row's lock). */
	void addVersion(String country, long version, Collection<UUID> added, Collection<UUID> removed, Instant now) {
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
	}

	/** The country's current version (0 before its first). */
	long version(String country) {
		return jdbc.sql("SELECT version FROM blocklist_country WHERE country = :c")
			.param("c", country)
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	/** The countries whose current list holds the entry. */
	List<String> countriesListing(UUID entry) {
		return jdbc.sql("SELECT country FROM blocklist_member WHERE entry_id = :id ORDER BY country")
			.param("id", entry)
			.query(String.class)
			.list();
	}

	/** The countries whose list carries each of the entries, in one query. */
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

	/** The current members as additions, by expression hash (the full list's body). */
	List<ListDocument.Change> members(String country) {
		return jdbc.sql("""
				SELECT e.expression_hash, e.reference_code, e.host_key FROM blocklist_member m
				JOIN blocklist_entry e ON e.id = m.entry_id WHERE m.country = :c ORDER BY e.expression_hash""")
			.param("c", country)
			.query((rs, i) -> new ListDocument.Change(true, rs.getBytes(1), ReferenceCode.parse(rs.getString(2)), rs.getInt(3)))
			.list();
	}

	/** The expression hashes of the current members (for a delta's digest). */
	List<byte[]> memberHashes(String country) {
		return jdbc.sql("""
				SELECT e.expression_hash FROM blocklist_member m JOIN blocklist_entry e ON e.id = m.entry_id
				WHERE m.country = :c""")
			.param("c", country)
			.query((rs, i) -> rs.getBytes(1))
			.list();
	}

	/** Every entry changed after {@code since}, with its first change since then. */
	List<Touched> touchedSince(String country, long since) {
		return jdbc.sql("""
				SELECT DISTINCT ON (c.entry_id) c.entry_id, c.added, e.expression_hash, e.reference_code, e.host_key,
				  EXISTS (SELECT 1 FROM blocklist_member m WHERE m.country = c.country AND m.entry_id = c.entry_id) AS member_now
				FROM blocklist_change c JOIN blocklist_entry e ON e.id = c.entry_id
				WHERE c.country = :c AND c.version > :since
				ORDER BY c.entry_id, c.version""")
			.param("c", country)
			.param("since", since)
			.query((rs, i) -> new Touched(rs.getBoolean(2), rs.getBytes(3), rs.getString(4), rs.getInt(5), rs.getBoolean(6)))
			.list();
	}

	/** The hosts of the country's whole-host members, sorted. */
	List<String> wholeHosts(String country) {
		return jdbc.sql("""
				SELECT DISTINCT e.host FROM blocklist_member m JOIN blocklist_entry e ON e.id = m.entry_id
				WHERE m.country = :c AND e.whole_host ORDER BY e.host""")
			.param("c", country)
			.query(String.class)
			.list();
	}
}
