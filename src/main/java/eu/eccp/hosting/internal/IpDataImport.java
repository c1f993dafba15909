package eu.eccp.hosting.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.google.common.net.InetAddresses;


/**
 * Loads an IP data file into the range tables with PostgreSQL {@code COPY}, streaming. One file is one
 * transaction: its dataset's earlier ranges are replaced only when the whole file loaded, so a bad file leaves
 * the data as it was. A file of which more than a tenth of the lines cannot be read is refused as a whole.
 */
@Component
class IpDataImport {

	private static final Logger log = LoggerFactory.getLogger(IpDataImport.class);

	private final DataSource dataSource;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final Clock clock;

	IpDataImport(DataSource dataSource, JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * What one import did.
	 *
	 * @param ranges ranges read from the file
	 * @param stored ranges stored: nested ranges are split so that none overlaps (see {@link NestedRanges})
	 * @param overlapping ranges that start before the previous range of the dataset ended (lookups may miss them)
	 */
	record Result(String file, IpDataFormat format, String dataset, long ranges, long stored, long skipped, long overlapping,
			List<String> problems) {
	}

	/** Imports one file; fails with IllegalArgumentException (nothing changed) when it is no IP data file. */
	Result importFile(Path file) throws IOException {
		IpDataReader.Header header = IpDataReader.detect(file);
		String sha256 = com.google.common.io.Files.asByteSource(file.toFile()).hash(com.google.common.hash.Hashing.sha256()).toString();
		IpDataReader.Tally tally = new IpDataReader.Tally();
		long overlapping;
		long[] stored = new long[1];
		try {
			overlapping = transactions.execute(status -> {
				jdbc.sql("DELETE FROM ip_data_source WHERE name = :name").param("name", header.dataset()).update();
				long sourceId = jdbc.sql("""
						INSERT INTO ip_data_source (name, kind, file_name, sha256, ranges, skipped, imported_at)
						VALUES (:name, :kind, :file, :sha, 0, 0, :at) RETURNING id""")
					.param("name", header.dataset()).param("kind", header.format().kind.name())
					.param("file", file.getFileName().toString()).param("sha", sha256)
					.param("at", Timestamp.from(Instant.now(clock)))
					.query(Long.class).single();
				stored[0] = copy(file, header, sourceId, tally);
				if (tally.ranges == 0 || tally.skipped * 10 > tally.ranges + tally.skipped) {
					throw new IllegalArgumentException("refused: " + tally.skipped + " of " + (tally.ranges + tally.skipped)
							+ " lines could not be read " + tally.problems);
				}
				jdbc.sql("UPDATE ip_data_source SET ranges = :ranges, skipped = :skipped WHERE id = :id")
					.param("ranges", stored[0]).param("skipped", tally.skipped).param("id", sourceId).update();
				return jdbc.sql("SELECT count(*) FROM (SELECT range_start, lag(range_end) OVER (ORDER BY range_start) AS previous_end FROM "
						+ table(header) + " WHERE source_id = :id) r WHERE previous_end >= range_start")
					.param("id", sourceId).query(Long.class).single();
			});
		}
		catch (UncheckedIOException e) {
			throw e.getCause();
		}
		log.info("IP data {} imported from {}: {} ranges, {} lines skipped", header.dataset(), file.getFileName(),
				tally.ranges, tally.skipped);
		return new Result(file.toString(), header.format(), header.dataset(), tally.ranges, stored[0], tally.skipped, overlapping,
				List.copyOf(tally.problems));
	}

	private static String table(IpDataReader.Header header) {
		return header.format().kind == IpDataFormat.Kind.COUNTRY ? "ip_country_range" : "ip_asn_range";
	}

	private long copy(Path file, IpDataReader.Header header, long sourceId, IpDataReader.Tally tally) {
		boolean country = header.format().kind == IpDataFormat.Kind.COUNTRY;
		String sql = country ? "COPY ip_country_range (source_id, range_start, range_end, country) FROM STDIN (FORMAT csv)"
				: "COPY ip_asn_range (source_id, range_start, range_end, asn, owner) FROM STDIN (FORMAT csv)";
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			PGConnection pg = connection.unwrap(PGConnection.class);
			String source = Long.toString(sourceId);
			NestedRanges flat;
			try (Writer out = new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(pg, sql, 1 << 16),
					StandardCharsets.UTF_8), 1 << 16)) {
				flat = new NestedRanges(range -> {
					try {
						out.write(source);
						out.write(',');
						out.write(InetAddresses.toAddrString(range.start()));
						out.write(',');
						out.write(InetAddresses.toAddrString(range.end()));
						out.write(',');
						if (country) {
							out.write(range.country());
						}
						else {
							out.write(Long.toString(range.asn()));
							out.write(',');
							if (range.owner() != null) {
								out.write('"');
								out.write(range.owner().replace("\"", "\"\"").replace("\u0000", ""));
								out.write('"');
							}
						}
						out.write('\n');
					}
					catch (IOException e) {
						throw new UncheckedIOException(e);
					}
				});
				IpDataReader.read(file, header, flat, tally);
				flat.finish();
			}
			return flat.emitted();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (SQLException e) {
			throw new IllegalStateException("COPY into the IP data tables failed", e);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/** The datasets imported so far. */
	List<Source> sources() {
		return jdbc.sql("SELECT name, kind, file_name, ranges, skipped, imported_at FROM ip_data_source ORDER BY name")
			.query((rs, n) -> new Source(rs.getString("name"), rs.getString("kind"), rs.getString("file_name"),
					rs.getLong("ranges"), rs.getLong("skipped"), rs.getTimestamp("imported_at").toInstant()))
			.list();
	}

	record Source(String name, String kind, String fileName, long ranges, long skipped, Instant importedAt) {
	}
}
