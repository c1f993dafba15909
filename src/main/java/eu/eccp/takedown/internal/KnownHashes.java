package eu.eccp.takedown.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
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

	private final JdbcClient jdbc;
	private final TakedownProperties properties;
	private final PdqIndex index = new PdqIndex();
	/** Entry of the index → row of known_media_hash (category and item are read from there). */
	private final List<Long> rowsByEntry = new ArrayList<>();
	private long lastRead;

	KnownHashes(JdbcClient jdbc, TakedownProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/** Reads the PDQ hashes this node has not indexed yet. */
	@Scheduled(fixedDelayString = "${eccp.takedown.known-hash-refresh:1m}", initialDelay = 0)
	synchronized void refresh() {
		int before = rowsByEntry.size();
		while (true) {
			List<Object[]> rows = jdbc.sql("""
					SELECT id, value FROM known_media_hash WHERE algorithm = 'PDQ' AND id > :last ORDER BY id LIMIT 10000""")
				.param("last", lastRead)
				.query((rs, n) -> new Object[] { rs.getLong("id"), rs.getString("value") })
				.list();
			if (rows.isEmpty()) {
				break;
			}
			for (Object[] row : rows) {
				index.add((String) row[1]);
				rowsByEntry.add((Long) row[0]);
				lastRead = (Long) row[0];
			}
		}
		if (rowsByEntry.size() > before) {
			log.debug("{} PDQ hashes indexed ({} new)", rowsByEntry.size(), rowsByEntry.size() - before);
		}
	}

	/** The best match of the hash among known ones (exact for MD5/SHA-1/SHA-256, nearest PDQ within the distance). */
	Optional<Known> match(MediaHash hash) {
		if (hash.algorithm() != MediaHash.Algorithm.PDQ) {
			return jdbc.sql("SELECT * FROM known_media_hash WHERE algorithm = :algorithm AND value = :value")
				.param("algorithm", hash.algorithm().name()).param("value", hash.value())
				.query((rs, n) -> known(rs, 0))
				.optional();
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
		return jdbc.sql("SELECT * FROM known_media_hash WHERE id = :id").param("id", row)
			.query((rs, n) -> known(rs, nearest.distance()))
			.optional();
	}

	/** Adds assessed hashes (in the caller's transaction; indexed on this node once it commits). */
	void add(Collection<MediaHash> hashes, ContentCategory category, ItemId item, OrganisationId by, Instant now) {
		if (hashes.isEmpty()) {
			return;
		}
		for (MediaHash hash : hashes) {
			jdbc.sql("""
					INSERT INTO known_media_hash (algorithm, value, category, item_id, organisation_id, added_at)
					VALUES (:algorithm, :value, :category, :item, :org, :now) ON CONFLICT DO NOTHING""")
				.param("algorithm", hash.algorithm().name()).param("value", hash.value())
				.param("category", category.name()).param("item", item.value()).param("org", by.value())
				.param("now", Timestamp.from(now))
				.update();
		}
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

	private static Known known(java.sql.ResultSet rs, int distance) throws java.sql.SQLException {
		UUID item = rs.getObject("item_id", UUID.class);
		return new Known(rs.getLong("id"), MediaHash.Algorithm.valueOf(rs.getString("algorithm")), rs.getString("value"),
				ContentCategory.valueOf(rs.getString("category")), item == null ? null : new ItemId(item), distance);
	}
}
