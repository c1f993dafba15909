package eu.eccp.takedown.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import eu.eccp.shared.OrganisationId;
import eu.eccp.takedown.ItemId;

/**
 * Hashes of media already assessed on the platform. MD5, SHA-1 and SHA-256 match exactly (the table's unique
 * index); PDQ hashes match by Hamming distance through a {@link PdqIndex} that each node keeps in memory: it is
 * read at start and then incrementally (rows with a higher id) every {@code known-hash-refresh} and right
 * after this node adds hashes, so hashes another node added are matched here at most one interval later.
 */
@Component
class KnownHashes {

	private static final Logger log = LoggerFactory.getLogger(KnownHashes.class);

	/** A known hash that matched: what it was assessed as, and how near it is. */
	record Known(long id, MediaHash.Algorithm algorithm, String value, ContentCategory category, @Nullable ItemId item,
			int distance) {
	}

	private final KnownHashRepository rows;
	private final TakedownProperties properties;
	private final PdqIndex index = new PdqIndex();
	/** Entry of the index → row of known_media_hash (category and item are read from there). */
	private final List<Long> rowsByEntry = new ArrayList<>();
	private long lastRead;

	KnownHashes(KnownHashRepository rows, TakedownProperties properties) {
		this.rows = rows;
		this.properties = properties;
	}

	/** Reads the PDQ hashes this node has not indexed yet. */
	@Scheduled(fixedDelayString = "${eccp.takedown.known-hash-refresh:1m}", initialDelay = 0)
	synchronized void refresh() {
		int before = rowsByEntry.size();
		while (true) {
			List<KnownHashRepository.PdqRow> read = rows.pdqAfter(lastRead, 10_000);
			if (read.isEmpty()) {
				break;
			}
			for (KnownHashRepository.PdqRow row : read) {
				index.add(row.value());
				rowsByEntry.add(row.id());
				lastRead = row.id();
			}
		}
		if (rowsByEntry.size() > before) {
			log.debug("{} PDQ hashes indexed ({} new)", rowsByEntry.size(), rowsByEntry.size() - before);
		}
	}

	/** The best match of the hash among known ones (exact for MD5/SHA-1/SHA-256, nearest PDQ within the distance). */
	Optional<Known> match(MediaHash hash) {
		if (hash.algorithm() != MediaHash.Algorithm.PDQ) {
			return rows.exact(hash);
		}
		List<PdqIndex.Match> matches = index.within(hash.value(), properties.pdqMaxDistance());
		if (matches.isEmpty()) {
			return Optional.empty();
		}
		PdqIndex.Match nearest = matches.get(0);
		long row;
		synchronized (this) {
			row = rowsByEntry.get(nearest.entry());
		}
		return rows.find(row, nearest.distance());
	}

	/** Adds assessed hashes (in the caller's transaction; indexed on this node once it commits). */
	void add(Collection<MediaHash> hashes, ContentCategory category, ItemId item, OrganisationId by, Instant now) {
		if (hashes.isEmpty()) {
			return;
		}
		rows.add(hashes, category, item, by, now);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					refresh();
				}
			});
		}
		else {
			refresh();
		}
	}

	int indexed() {
		return index.size();
	}

}
