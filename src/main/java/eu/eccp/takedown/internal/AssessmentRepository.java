package eu.eccp.takedown.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.shared.OrganisationId;
import eu.eccp.takedown.ItemId;

@Repository
class AssessmentRepository {

	private final JdbcClient jdbc;

	AssessmentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores an assessment; the organisation's earlier ones of the item are superseded. */
	void insert(Assessment a) {
		jdbc.sql("UPDATE content_assessment SET superseded = TRUE WHERE item_id = :item AND organisation_id = :org")
			.param("item", a.item().value()).param("org", a.organisation().value())
			.update();
		jdbc.sql("""
				INSERT INTO content_assessment (id, item_id, organisation_id, assessed_by, category, media_type, media_count,
				  victim_identification, reason, automatic, assessed_at, needs_confirmation, confirmed_by, confirmed_at)
				VALUES (:id, :item, :org, :by, :category, :mediaType, :mediaCount, :victim, :reason, :automatic, :at,
				  :needsConfirmation, :confirmedBy, :confirmedAt)""")
			.param("id", a.id()).param("item", a.item().value()).param("org", a.organisation().value())
			.param("by", a.assessedBy()).param("category", a.category().name())
			.param("mediaType", a.mediaType() == null ? null : a.mediaType().name()).param("mediaCount", a.mediaCount())
			.param("victim", a.victimIdentification()).param("reason", a.reason()).param("automatic", a.automatic())
			.param("at", Timestamp.from(a.assessedAt())).param("needsConfirmation", a.needsConfirmation())
			.param("confirmedBy", a.confirmedBy())
			.param("confirmedAt", a.confirmedAt() == null ? null : Timestamp.from(a.confirmedAt()))
			.update();
	}

	/** Confirms an assessment waiting for it; false when it no longer waits (confirmed, superseded meanwhile). */
	boolean confirm(UUID id, UUID by, Instant at) {
		return jdbc.sql("""
				UPDATE content_assessment SET confirmed_by = :by, confirmed_at = :at
				WHERE id = :id AND needs_confirmation AND confirmed_at IS NULL AND NOT superseded""")
			.param("id", id).param("by", by).param("at", Timestamp.from(at))
			.update() == 1;
	}

	Optional<Assessment> find(UUID id) {
		return jdbc.sql("SELECT * FROM content_assessment WHERE id = :id").param("id", id)
			.query(AssessmentRepository::assessment).optional();
	}

	List<Assessment> ofItem(ItemId item) {
		return jdbc.sql("SELECT * FROM content_assessment WHERE item_id = :item ORDER BY assessed_at DESC, id")
			.param("item", item.value())
			.query(AssessmentRepository::assessment).list();
	}

	/** The organisation's current (not superseded) assessment of the item. */
	Optional<Assessment> current(ItemId item, OrganisationId org) {
		return jdbc.sql("""
				SELECT * FROM content_assessment WHERE item_id = :item AND organisation_id = :org AND NOT superseded
				ORDER BY assessed_at DESC LIMIT 1""")
			.param("item", item.value()).param("org", org.value())
			.query(AssessmentRepository::assessment).optional();
	}

	static Assessment assessment(ResultSet rs, int row) throws SQLException {
		String mediaType = rs.getString("media_type");
		int count = rs.getInt("media_count");
		Integer mediaCount = rs.wasNull() ? null : count;
		return new Assessment(rs.getObject("id", UUID.class), new ItemId(rs.getObject("item_id", UUID.class)),
				new OrganisationId(rs.getObject("organisation_id", UUID.class)), rs.getObject("assessed_by", UUID.class),
				ContentCategory.valueOf(rs.getString("category")),
				mediaType == null ? null : Assessment.MediaType.valueOf(mediaType), mediaCount,
				rs.getBoolean("victim_identification"), rs.getString("reason"), rs.getBoolean("automatic"),
				ItemRepository.instant(rs, "assessed_at"), rs.getBoolean("needs_confirmation"),
				rs.getObject("confirmed_by", UUID.class), ItemRepository.instantOrNull(rs, "confirmed_at"),
				rs.getBoolean("superseded"));
	}

}
