package eu.eccp.hosting.internal;

import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.google.common.net.InetAddresses;

import eu.eccp.shared.CopyIn;

/**
 * The imported IP data: one row per dataset ({@code ip_data_source}) and its ranges ({@code ip_country_range},
 * {@code ip_asn_range}). Ranges are written with PostgreSQL {@code COPY}, streaming, in the caller's transaction;
 * a lookup is one B-tree probe of {@code (source_id, range_start)} per dataset.
 */
@Repository
class IpRangeRepository {

	/** A dataset's range holding an address: its value (country, or AS owner), AS number, size and import time. */
	record Hit(String value, @Nullable Long asn, BigInteger size, Timestamp importedAt) {
	}

	/** A dataset imported so far. */
	record Source(String name, String kind, String fileName, long ranges, long skipped, Instant importedAt) {
	}

	private final CopyIn copy;
	private final JdbcClient jdbc;

	IpRangeRepository(CopyIn copy, JdbcClient jdbc) {
		this.copy = copy;
		this.jdbc = jdbc;
	}

	/** Per country dataset, the range holding the address: the one with the greatest start not after it, if it reaches it. */
	List<Hit> countryRangesHolding(String ip) {
		return jdbc.sql("""
				SELECT r.range_start, r.range_end, r.country, s.imported_at
				FROM ip_data_source s
				CROSS JOIN LATERAL (SELECT range_start, range_end, country FROM ip_country_range c
				                    WHERE c.source_id = s.id AND c.range_start <= CAST(:ip AS inet)
				                    ORDER BY c.range_start DESC LIMIT 1) r
				WHERE s.kind = 'COUNTRY' AND r.range_end >= CAST(:ip AS inet)""")
			.param("ip", ip)
			.query((rs, n) -> new Hit(rs.getString("country"), null, size(rs.getString("range_start"), rs.getString("range_end")),
					rs.getTimestamp("imported_at")))
			.list();
	}

	/** Per AS dataset, the range holding the address (value: the network's owner, empty when unknown). */
	List<Hit> asnRangesHolding(String ip) {
		return jdbc.sql("""
				SELECT r.range_start, r.range_end, r.asn, r.owner, s.imported_at
				FROM ip_data_source s
				CROSS JOIN LATERAL (SELECT range_start, range_end, asn, owner FROM ip_asn_range a
				                    WHERE a.source_id = s.id AND a.range_start <= CAST(:ip AS inet)
				                    ORDER BY a.range_start DESC LIMIT 1) r
				WHERE s.kind = 'ASN' AND r.range_end >= CAST(:ip AS inet)""")
			.param("ip", ip)
			.query((rs, n) -> new Hit(rs.getString("owner") == null ? "" : rs.getString("owner"), rs.getLong("asn"),
					size(rs.getString("range_start"), rs.getString("range_end")), rs.getTimestamp("imported_at")))
			.list();
	}

	/** Whether any IP data was imported. */
	boolean empty() {
		return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM ip_data_source)").query(Boolean.class).single();
	}

	/** The datasets imported so far, by name. */
	List<Source> sources() {
		return jdbc.sql("SELECT name, kind, file_name, ranges, skipped, imported_at FROM ip_data_source ORDER BY name")
			.query((rs, n) -> new Source(rs.getString("name"), rs.getString("kind"), rs.getString("file_name"),
					rs.getLong("ranges"), rs.getLong("skipped"), rs.getTimestamp("imported_at").toInstant()))
			.list();
	}

	/** Replaces the dataset by an empty one of this file (its ranges go with the old row); the new row's id. */
	long replaceSource(String dataset, IpDataFormat.Kind kind, String fileName, String sha256, Instant at) {
		jdbc.sql("DELETE FROM ip_data_source WHERE name = :name").param("name", dataset).update();
		return jdbc.sql("""
				INSERT INTO ip_data_source (name, kind, file_name, sha256, ranges, skipped, imported_at)
				VALUES (:name, :kind, :file, :sha, 0, 0, :at) RETURNING id""")
			.param("name", dataset).param("kind", kind.name())
			.param("file", fileName).param("sha", sha256)
			.param("at", Timestamp.from(at))
			.query(Long.class).single();
	}

	void countRanges(long sourceId, long ranges, long skipped) {
		jdbc.sql("UPDATE ip_data_source SET ranges = :ranges, skipped = :skipped WHERE id = :id")
			.param("ranges", ranges).param("skipped", skipped).param("id", sourceId).update();
	}

	/** How many of the dataset's ranges start before the previous one ended. */
	long overlapping(long sourceId, IpDataFormat.Kind kind) {
		return jdbc.sql("SELECT count(*) FROM (SELECT range_start, lag(range_end) OVER (ORDER BY range_start) AS previous_end FROM "
				+ table(kind) + " WHERE source_id = :id) r WHERE previous_end >= range_start")
			.param("id", sourceId).query(Long.class).single();
	}

	/**
	 * Streams the ranges the producer writes into the dataset's table with one {@code COPY} on the transaction's
	 * connection; returns how many were written.
	 *
	 * @throws UncheckedIOException when the producer cannot read its input
	 */
	long copy(long sourceId, IpDataFormat.Kind kind, CopyIn.RowSource<IpRange> producer) {
		boolean country = kind == IpDataFormat.Kind.COUNTRY;
		return copy.copy(table(kind), country ? "source_id, range_start, range_end, country"
				: "source_id, range_start, range_end, asn, owner", producer, (IpRange range, CopyIn.Row row) -> {
					row.number(sourceId)
						.text(InetAddresses.toAddrString(range.start()))
						.text(InetAddresses.toAddrString(range.end()));
					if (country) {
						row.text(range.country());
					}
					else {
						row.number(range.asn()).text(range.owner());
					}
				});
	}

	private static String table(IpDataFormat.Kind kind) {
		return kind == IpDataFormat.Kind.COUNTRY ? "ip_country_range" : "ip_asn_range";
	}

	private static BigInteger size(String start, String end) {
		return IpRange.size(IpRange.literal(strip(start)), IpRange.literal(strip(end)));
	}

	/** PostgreSQL prints a host address of type inet without a prefix length; strip one if present. */
	private static String strip(String inet) {
		int slash = inet.indexOf('/');
		return slash < 0 ? inet : inet.substring(0, slash);
	}
}
