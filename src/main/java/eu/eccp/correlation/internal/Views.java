package eu.eccp.correlation.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** What the correlation pages and API show. */
public final class Views {

	private Views() {
	}

	/** A record the caller may see: its kind and id (to open it in its module), owner, country, time. */
	public record VisibleRecord(String sourceKind, UUID sourceId, UUID ownerId, String ownerName, String country,
			String tlp, long clusterId, Instant seenAt) {
	}

	/**
	 * One indicator as the pivot page and the search API show it. {@code countsWithheld}: the value identifies a
	 * person and the caller is not law enforcement, so {@code sourceCount} counts only the caller's visible
	 * sightings and {@code otherSightingsByCountry} is empty.
	 *
	 * <p>{@code visibleSightings} and {@code otherSightingsByCountry} speak of records that carry the value
	 * itself (exact sightings); {@code relatedSightings} and {@code otherRelatedSightingsByCountry} of records
	 * that carry it by relation (a URL on this host or domain, an e-mail address at it, an address in this range,
	 * a range holding this address), each with why and how much it weighs; {@code relatedValues} are the values
	 * to pivot on next (a URL's host and domain, the ranges holding an address, the addresses inside a range).
	 * {@code sourceCount} counts both kinds of carriers, as the "too common" rule does.
	 *
	 * <p>Each list holds at most {@code eccp.correlation.max-sightings-shown} records, the most recently correlated,
	 * in time order; {@code visibleSightingsTruncated} and {@code relatedSightingsTruncated} say that the caller
	 * may open more (the counts take in every record).
	 */
	public record IndicatorSighting(long indicatorId, String type, String value, @Nullable String benign,
			int sourceCount, boolean tooCommonToCorrelate, Instant firstSeen, Instant lastSeen,
			List<VisibleRecord> visibleSightings, Map<String, Integer> otherSightingsByCountry, List<Long> clusters,
			boolean countsWithheld, List<RelatedSighting> relatedSightings,
			Map<String, Integer> otherRelatedSightingsByCountry, List<RelatedValueView> relatedValues,
			boolean visibleSightingsTruncated, boolean relatedSightingsTruncated) {
	}

	/**
	 * A record the caller may see that carries the searched value by relation: {@code relation} is HOST,
	 * EMAIL_DOMAIN, REGISTRABLE_DOMAIN or ADDRESS_IN_RANGE, {@code weight} less than an exact match's 1.0.
	 */
	public record RelatedSighting(String relation, double weight, VisibleRecord record) {
	}

	/** A value related to the searched one, to pivot on: its type, value, relation and how many records carry it. */
	public record RelatedValueView(String type, String value, String relation, int sourceCount, boolean known) {
	}

	/**
	 * The answer for one value of a bulk lookup. {@code known}, {@code sightings}, {@code countries} and
	 * {@code visibleSightings} speak of the value itself (exact sightings); {@code related} of what it reaches by
	 * relation. {@code countsWithheld}: the value identifies a person and the caller is not law enforcement, so
	 * {@code known}, {@code sightings} and {@code countries} (and those of {@code related}) speak only of the
	 * records the caller may see. {@code visibleSightings} holds at most {@code eccp.correlation.max-sightings-shown}
	 * records, the most recently correlated; {@code visibleSightingsTruncated} says there are more.
	 */
	public record LookupAnswer(String query, @Nullable String type, @Nullable String value, boolean known,
			int sightings, List<String> countries, List<VisibleRecord> visibleSightings, boolean countsWithheld,
			RelatedAnswer related, boolean visibleSightingsTruncated) {
	}

	/**
	 * What a looked-up value reaches apart from its exact sightings: records that carry it by relation (a URL on
	 * this domain, an address in this range) or carry one of its related values (its host, its registrable
	 * domain, its e-mail domain, a reported range holding it), each record once with its strongest relation.
	 * {@code sightings} and {@code countries} count those records the caller may know exist (never others'
	 * TLP:RED); {@code visibleSightings} are the ones the caller may open; {@code values} the related values.
	 * When the looked-up value identifies a person and the caller is not law enforcement, both counts speak only
	 * of the caller's visible records and every value's {@code sourceCount} is 0. {@code visibleSightings} is cut as
	 * the exact ones are ({@code visibleSightingsTruncated}).
	 */
	public record RelatedAnswer(int sightings, List<String> countries, List<RelatedSighting> visibleSightings,
			List<RelatedValueView> values, boolean visibleSightingsTruncated) {
	}

	/** How a hit's record and a holder's record share the hit's value: an exact match or a relation. */
	public static final String EXACT = "EXACT";

	/**
	 * A hit as its recipient sees it: their record, the indicator, who else holds related records.
	 * {@code relation} says why it linked ({@value #EXACT}, or HOST, EMAIL_DOMAIN, REGISTRABLE_DOMAIN,
	 * ADDRESS_IN_RANGE when a value derived from the records' indicators links them), {@code weight} how much it
	 * counts (1.0 for an exact match, less for a relation): the strongest link to any holder.
	 */
	public record HitView(UUID id, String recordKind, UUID recordId, String indicatorType, String indicatorValue,
			List<Holder> holders, Instant createdAt, @Nullable Instant readAt, long clusterId, String relation,
			double weight) {

		public List<String> countries() {
			return holders.stream().map(Holder::country).distinct().sorted().toList();
		}
	}

	/**
	 * Another country's record that carries the hit's indicator: only who holds it (and whom to contact
	 * there), never its content. {@code handle} names it in an access request.
	 */
	public record Holder(long handle, String country, String organisation, @Nullable String contactPoint,
			Instant seenAt, @Nullable String accessStatus, String relation, double weight) {
	}

	/** A request for access to a record another organisation owns. */
	public record AccessRequestView(UUID id, UUID requesterId, String requesterName, String recordKind, UUID recordId,
			UUID ownerId, String ownerName, String reason, String status, @Nullable String decisionNote,
			Instant createdAt, @Nullable Instant decidedAt) {
	}

	/** A cluster: its records (anonymous where the caller may not see them), linking indicators, edges. */
	public record ClusterGraph(long id, int size, List<Node> nodes, List<Edge> edges, List<Node> timeline,
			boolean truncated) {
	}

	/**
	 * A node of the graph: {@code kind} is RECORD or INDICATOR; hidden records carry only their country;
	 * {@code x}, {@code y} are a layout in [0, 1].
	 */
	public record Node(String key, String kind, @Nullable String label, @Nullable String country, boolean visible,
			@Nullable String link, @Nullable Instant seenAt, double x, double y) {
	}

	/**
	 * A link between a record and a linking value it carries: {@code relation} is {@value #EXACT} (the record
	 * states the value) or how it carries it (HOST, EMAIL_DOMAIN, REGISTRABLE_DOMAIN, ADDRESS_IN_RANGE);
	 * {@code label} names the value (null when only other organisations hold it, as for its node).
	 */
	/** An edge as drawn: its two placed nodes. */
	public record Line(Node from, Node to, Edge edge) {
	}

	public record Edge(String from, String to, String relation, @Nullable String label) {

		public Edge(String from, String to) {
			this(from, to, EXACT, null);
		}
	}
}
