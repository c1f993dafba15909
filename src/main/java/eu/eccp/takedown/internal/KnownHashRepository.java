package eu.eccp.takedown.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.shared.OrganisationId;
import eu.eccp.takedown.ItemId;

/** The rows of {@code known_media_hash}: hashes of media already assessed, unique per algorithm and value. */
@Repository
class KnownHashRepository {

	/** One PDQ row to index: its id and its hash. */
	record PdqRow(long id, String value) {
	}

	private final JdbcClient jdbc;

	KnownHashRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Up to {@code limit} PDQ hashes with an id above {@code after}, by id. */
	List<PdqRow> pdqAfter(long after, int limit) {
		return jdbc.sql("SELECT id, value FROM known_media_hash WHERE algorithm = 'PDQ' AND id > :last ORDER BY id LIMIT :limit")
			.param("last", after)
			.param("limit", limit)
			.query((rs, n) -> new PdqRow(rs.getLong("id"), rs.getString("value")))
			.list();
	}

	/** The row of exactly this hash. */
	Optional<KnownHashes.Known> exact(MediaHash hash) {
		return jdbc.sql("SELECT * FROM known_media_hash WHERE algorithm = :algorithm AND value = :value")
			.param("algorithm", hash.algorithm().name()).param("value", hash.value())
			.query((rs, n) -> known(rs, 0))
			.optional();
	}

	/** One row by id, as a match at {@code distance}. */
	Optional<KnownHashes.Known> find(long id, int distance) {
		return jdbc.sql("SELECT * FROM known_media_hash WHERE id = :id").param("id", id)
			.query((rs, n) -> known(rs, distance))
			.optional();
	}

	/** Adds the hashes as assessed, in one statement; a hash already known keeps its first assessment. */
	void add(Collection<MediaHash> hashes, ContentCategory category, ItemId item, OrganisationId by, Instant now) {
		jdbc.sql("""
				INSERT INTO known_media_hash (algorithm, value, category, item_id, organisation_id, added_at)
				SELECT a, v, :category, :item, :org, :now
				FROM unnest(CAST(:algorithms AS text[]), CAST(:values AS text[])) WITH ORDINALITY AS t(a, v, n)
				ORDER BY n
				ON CONFLICT DO NOTHING""")
			.param("algorithms", hashes.stream().map(hash -> hash.algorithm().name()).toArray(String[]::new))
			.param("values", hashes.stream().map(MediaHash::value).toArray(String[]::new))
			.param("category", category.name()).param("item", item.value()).param("org", by.value())
			.param("now", Timestamp.from(now))
			.update();
	}

	private static KnownHashes.Known known(ResultSet rs, int distance) throws SQLException {
		UUID item = rs.getObject("item_id", UUID.class);
		return new KnownHashes.Known(rs.getLong("id"), MediaHash.Algorithm.valueOf(rs.getString("algorithm")),
				rs.getString("value"), ContentCategory.valueOf(rs.getString("category")),
				item == null ? null : new ItemId(item), distance);
	}
}
