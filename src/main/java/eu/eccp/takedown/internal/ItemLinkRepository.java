package eu.eccp.takedown.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.UserId;
import eu.eccp.takedown.ItemId;

/**
 * What other modules opened from an item, by reference: the contact points' preservation requests
 * ({@code content_item_preservation}) and the block list's entries ({@code content_item_block_proposal}).
 */
@Repository
class ItemLinkRepository {

	/** A preservation request sent for an item. */
	record PreservationLink(UUID requestId, String reference, OrganisationId host, OrganisationId requestedByOrg,
			Instant requestedAt) {
	}

	/** A block-list entry proposed from an item ({@code countries}: where it is blocked). */
	record ProposalLink(UUID entryId, String referenceCode, boolean wholeHost, BlockListProposing.Reason reason,
			List<String> countries, OrganisationId proposedByOrg, Instant proposedAt) {
	}

	private final JdbcClient jdbc;

	ItemLinkRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void addPreservation(ItemId item, PreservationLink link, UserId by) {
		jdbc.sql("""
				INSERT INTO content_item_preservation (item_id, request_id, reference, host_org, requested_by_org, requested_by,
				  requested_at)
				VALUES (:item, :request, :reference, :host, :org, :by, :at)""")
			.param("item", item.value())
			.param("request", link.requestId())
			.param("reference", link.reference())
			.param("host", link.host().value())
			.param("org", link.requestedByOrg().value())
			.param("by", by.value())
			.param("at", Timestamp.from(link.requestedAt()))
			.update();
	}

	/** The preservation requests of an item, newest first. */
	List<PreservationLink> preservations(ItemId item) {
		return jdbc.sql("SELECT * FROM content_item_preservation WHERE item_id = :item ORDER BY requested_at DESC")
			.param("item", item.value())
			.query((rs, n) -> new PreservationLink(rs.getObject("request_id", UUID.class), rs.getString("reference"),
					new OrganisationId(rs.getObject("host_org", UUID.class)),
					new OrganisationId(rs.getObject("requested_by_org", UUID.class)),
					rs.getTimestamp("requested_at").toInstant()))
			.list();
	}

	void addProposal(ItemId item, ProposalLink link, UserId by) {
		jdbc.sql("""
				INSERT INTO content_item_block_proposal (item_id, entry_id, reference_code, whole_host, reason_code, countries,
				  proposed_by_org, proposed_by, proposed_at)
				VALUES (:item, :entry, :reference, :wholeHost, :reason, :countries, :org, :by, :at)""")
			.param("item", item.value())
			.param("entry", link.entryId())
			.param("reference", link.referenceCode())
			.param("wholeHost", link.wholeHost())
			.param("reason", link.reason().name())
			.param("countries", String.join(",", link.countries()))
			.param("org", link.proposedByOrg().value())
			.param("by", by.value())
			.param("at", Timestamp.from(link.proposedAt()))
			.update();
	}

	/** The block-list proposals of an item, newest first. */
	List<ProposalLink> proposals(ItemId item) {
		return jdbc.sql("SELECT * FROM content_item_block_proposal WHERE item_id = :item ORDER BY proposed_at DESC")
			.param("item", item.value())
			.query((rs, n) -> new ProposalLink(rs.getObject("entry_id", UUID.class), rs.getString("reference_code"),
					rs.getBoolean("whole_host"), BlockListProposing.Reason.valueOf(rs.getString("reason_code")),
					Arrays.stream(rs.getString("countries").split(",")).filter(c -> !c.isBlank()).toList(),
					new OrganisationId(rs.getObject("proposed_by_org", UUID.class)),
					rs.getTimestamp("proposed_at").toInstant()))
			.list();
	}
}
