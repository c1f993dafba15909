package eu.eccp.hosting.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads an IP data file into the range tables with PostgreSQL {@code COPY}, streaming. One file is one
 * transaction: its dataset's earlier ranges are replaced only when the whole file loaded, so a bad file leaves
 * the data as it was. A file of which more than a tenth of the lines cannot be read is refused as a whole.
 */
@Component
class IpDataImport {

	private static final Logger log = LoggerFactory.getLogger(IpDataImport.class);

	private final IpRangeRepository ranges;
	private final TransactionTemplate transactions;
	private final Clock clock;

	IpDataImport(IpRangeRepository ranges, TransactionTemplate transactions, Clock clock) {
		this.ranges = ranges;
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
				IpDataFormat.Kind kind = header.format().kind;
				long sourceId = ranges.replaceSource(header.dataset(), kind, file.getFileName().toString(), sha256,
						Instant.now(clock));
				stored[0] = ranges.copy(sourceId, kind, sink -> {
					NestedRanges flat = new NestedRanges(sink); // nested ranges split so that none overlaps
					IpDataReader.read(file, header, flat, tally);
					flat.finish();
				});
				if (tally.ranges == 0 || tally.skipped * 10 > tally.ranges + tally.skipped) {
					throw new IllegalArgumentException("refused: " + tally.skipped + " of " + (tally.ranges + tally.skipped)
							+ " lines could not be read " + tally.problems);
				}
				ranges.countRanges(sourceId, stored[0], tally.skipped);
				return ranges.overlapping(sourceId, kind);
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

	/** The datasets imported so far. */
	List<IpRangeRepository.Source> sources() {
		return ranges.sources();
	}
}
