package eu.eccp.hosting.internal;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import com.google.common.net.InetAddresses;

/**
 * Looks addresses up in the imported IP data. Per dataset, the range holding an address is the one with the
 * greatest start not after it (one B-tree probe of {@code (source_id, range_start)}), kept if its end is not
 * before the address. When several datasets hold the address, the smallest range wins (the most specific
 * statement), and among ranges of the same size the latest import.
 */
@Repository
class IpLocations {

	private final JdbcClient jdbc;

	IpLocations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What the data says about an address. */
	record Facts(@Nullable String country, @Nullable Long asn, @Nullable String owner) {
	}

	private record Hit(String value, @Nullable Long asn, BigInteger size, java.sql.Timestamp importedAt) {
	}

	@Transactional(readOnly = true)
	Facts of(InetAddress address) {
		String ip = InetAddresses.toAddrString(address);
		Optional<Hit> country = best(jdbc.sql("""
				SELECT r.range_start, r.range_end, r.country, s.imported_at
				FROM ip_data_source s
				CROSS JOIN LATERAL (SELECT range_start, range_end, country FROM ip_country_range c
				                    WHERE c.source_id = s.id AND c.range_start <= CAST(:ip AS inet)
				                    ORDER BY c.range_start DESC LIMIT 1) r
				WHERE s.kind = 'COUNTRY' AND r.range_end >= CAST(:ip AS inet)""")
			.param("ip", ip)
			.query((rs, n) -> new Hit(rs.getString("country"), null, size(rs.getString("range_start"), rs.getString("range_end")),
					rs.getTimestamp("imported_at")))
			.list());
		Optional<Hit> asn = best(jdbc.sql("""
				SELECT r.range_start, r.range_end, r.asn, r.owner, s.imported_at
				FROM ip_data_source s
				CROSS JOIN LATERAL (SELECT range_start, range_end, asn, owner FROM ip_asn_range a
				                    WHERE a.source_id = s.id AND a.range_start <= CAST(:ip AS inet)
				                    ORDER BY a.range_start DESC LIMIT 1) r
				WHERE s.kind = 'ASN' AND r.range_end >= CAST(:ip AS inet)""")
			.param("ip", ip)
			.query((rs, n) -> new Hit(rs.getString("owner") == null ? "" : rs.getString("owner"), rs.getLong("asn"),
					size(rs.getString("range_start"), rs.getString("range_end")), rs.getTimestamp("imported_at")))
			.list());
		return new Facts(country.map(Hit::value).orElse(null), asn.map(Hit::asn).orElse(null),
				asn.map(Hit::value).filter(owner -> !owner.isEmpty()).orElse(null));
	}

	private static Optional<Hit> best(List<Hit> hits) {
		return hits.stream().min(Comparator.comparing(Hit::size).thenComparing(Hit::importedAt, Comparator.reverseOrder()));
	}

	private static BigInteger size(String start, String end) {
		return IpRange.size(IpRange.literal(strip(start)), IpRange.literal(strip(end)));
	}

	/** PostgreSQL prints a host address of type inet without a prefix length; strip one if present. */
	private static String strip(String inet) {
		int slash = inet.indexOf('/');
		return slash < 0 ? inet : inet.substring(0, slash);
	}

	/** Whether any IP data was imported. */
	@Transactional(readOnly = true)
	boolean empty() {
		return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM ip_data_source)").query(Boolean.class).single();
	}
}
