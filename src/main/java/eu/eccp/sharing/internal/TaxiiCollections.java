package eu.eccp.sharing.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.correlation.SharedIndicators;
import eu.eccp.organisations.OrganisationView;
import eu.eccp.organisations.Organisations;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.OrganisationId;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a partner reads through TAXII: the collections of the agreements it receives under (active ones only), and
 * their objects in (date added, position) order, page by page, built for that partner (pseudonyms keyed for it).
 * Anyone else gets "not found" for a collection, whether it exists or not. Pages of objects are disclosures and are
 * recorded ({@link Disclosures}); manifests and versions carry ids and times only. Objects keep their versions
 * ({@code match[version]}: {@code last}, the default, {@code first}, {@code all} or timestamps; the versions
 * endpoint); a revoked object shows its revoked version only. The public TLP:CLEAR collection
 * ({@link PublicCollection}) is served the same way, without an account and without disclosure records.
 */
@Service
public class TaxiiCollections {

	private static final int ID_SCAN_CHUNK = 5_000;

	private final AgreementRepository agreements;
	private final CollectionObjectRepository objects;
	private final SharedIndicators shared;
	private final StixObjects stix;
	private final Organisations organisations;
	private final Disclosures disclosures;
	private final SharingProperties properties;
	private final Clock clock;

	TaxiiCollections(AgreementRepository agreements, CollectionObjectRepository objects, SharedIndicators shared,
			StixObjects stix, Organisations organisations,
			Disclosures disclosures, SharingProperties properties, Clock clock) {
		this.agreements = agreements;
		this.objects = objects;
		this.shared = shared;
		this.stix = stix;
		this.organisations = organisations;
		this.disclosures = disclosures;
		this.properties = properties;
		this.clock = clock;
	}

	/** A collection as TAXII describes it. */
	public record CollectionInfo(UUID id, String title, String description, boolean canWrite) {
	}

	/** One object of a page: its id, type, date added, version, position and (for the objects endpoint) body. */
	public record Entry(String id, String type, Instant dateAdded, Instant version, long seq, int part,
			@Nullable ObjectNode body) {
	}

	public record EntryPage(List<Entry> entries, boolean more, @Nullable String next) {
	}

	@Transactional(readOnly = true)
	public List<CollectionInfo> collections(CallerContext caller) {
		LocalDate today = LocalDate.now(clock);
		return agreements.ofParty(caller.organisationId()).stream()
			.filter(a -> a.receiving().contains(caller.organisationId()) && a.activeOn(today))
			.map(TaxiiCollections::info)
			.toList();
	}

	@Transactional(readOnly = true)
	public CollectionInfo collection(CallerContext caller, UUID id) {
		return info(readable(caller, id));
	}

	private static CollectionInfo info(Agreement a) {
		return new CollectionInfo(a.id(), a.name(), a.description().isEmpty() ? "ECCP sharing agreement" : a.description(),
				a.writable());
	}

	/** The agreement behind a collection the caller may read: in force, and the caller's organisation receives. */
	Agreement readable(CallerContext caller, UUID id) {
		Agreement agreement = agreements.find(id).orElse(null);
		if (agreement == null || !agreement.receiving().contains(caller.organisationId())
				|| !agreement.activeOn(LocalDate.now(clock))) {
			throw new TaxiiException(404, "Collection not found");
		}
		return agreement;
	}

	StixObjects.Recipient recipient(CallerContext caller) {
		boolean authority = organisations.find(caller.organisationId()).map(o -> o.type().isPublicAuthority()).orElse(false);
		return new StixObjects.Recipient(caller.organisationId(), authority);
	}

	/** A page of the objects endpoint; records the disclosure of the indicators and sightings on it. */
	@Transactional
	public EntryPage objects(CallerContext caller, UUID collection, TaxiiQuery query) {
		Agreement agreement = readable(caller, collection);
		StixObjects.Recipient recipient = recipient(caller);
		EntryPage page = walk(agreement, recipient, query, true);
		List<String> disclosed = page.entries().stream()
			.filter(e -> e.type().equals("indicator") || e.type().equals("sighting")).map(Entry::id).toList();
		boolean clearPersonal = page.entries().stream().anyMatch(e -> e.type().equals("indicator") && e.body() != null
				&& isClearPersonal(agreement, e.body(), recipient));
		disclosures.record(caller, agreement, "taxii", disclosed, clearPersonal);
		return page;
	}

	/** A page of the manifest endpoint: ids, dates added and versions only. */
	@Transactional(readOnly = true)
	public EntryPage manifest(CallerContext caller, UUID collection, TaxiiQuery query) {
		return walk(readable(caller, collection), recipient(caller), query, false);
	}

	/** Every kept version of one object, oldest first: empty when the caller has no such object. */
	@Transactional(readOnly = true)
	public List<Entry> versions(CallerContext caller, UUID collection, String objectId, TaxiiQuery query) {
		Agreement agreement = readable(caller, collection);
		return versions(agreement, recipient(caller), objectId, query);
	}

	private List<Entry> versions(Agreement agreement, StixObjects.Recipient recipient, String objectId, TaxiiQuery query) {
		TaxiiQuery all = new TaxiiQuery(query.addedAfter(), query.limit(), null, Set.of(), Set.of(), Set.of("all"),
				query.specVersions());
		if (!all.specVersionMatches()) {
			return List.of();
		}
		return byIds(agreement, recipient, Set.of(objectId), all, false).stream()
			.sorted(java.util.Comparator.comparing(Entry::version)).toList();
	}

	// --- the public TLP:CLEAR collection (no account; nothing personal; no disclosure to record) ---

	private void requirePublic(UUID collection) {
		if (!properties.publicCollection() || !PublicCollection.ID.equals(collection)) {
			throw new TaxiiException(404, "Collection not found");
		}
	}

	/** The public collections: the one public TLP:CLEAR collection when the operator enables it, else none. */
	public List<CollectionInfo> publicCollections() {
		return properties.publicCollection() ? List.of(info(PublicCollection.AGREEMENT)) : List.of();
	}

	public CollectionInfo publicCollection(UUID collection) {
		requirePublic(collection);
		return info(PublicCollection.AGREEMENT);
	}

	@Transactional(readOnly = true)
	public EntryPage publicObjects(UUID collection, TaxiiQuery query) {
		requirePublic(collection);
		return walk(PublicCollection.AGREEMENT, PublicCollection.READER, query, true);
	}

	@Transactional(readOnly = true)
	public EntryPage publicManifest(UUID collection, TaxiiQuery query) {
		requirePublic(collection);
		return walk(PublicCollection.AGREEMENT, PublicCollection.READER, query, false);
	}

	@Transactional(readOnly = true)
	public List<Entry> publicObject(UUID collection, String objectId, TaxiiQuery query) {
		requirePublic(collection);
		return byIds(PublicCollection.AGREEMENT, PublicCollection.READER, Set.of(objectId), query, true);
	}

	@Transactional(readOnly = true)
	public List<Entry> publicVersions(UUID collection, String objectId, TaxiiQuery query) {
		requirePublic(collection);
		return versions(PublicCollection.AGREEMENT, PublicCollection.READER, objectId, query);
	}

	private boolean isClearPersonal(Agreement agreement, ObjectNode indicator, StixObjects.Recipient recipient) {
		ObjectNode ext = (ObjectNode) indicator.path("extensions").path(StixObjects.EXTENSION_ID);
		String type = ext.path("eccp_type").asString("");
		return agreement.isPersonal(type) && !ext.path("pseudonymised").asBoolean(false);
	}

	private List<OrganisationView> sources(Agreement agreement) {
		List<OrganisationView> sources = new ArrayList<>();
		for (OrganisationId id : agreement.sharing()) {
			organisations.find(id).ifPresent(sources::add);
		}
		return sources;
	}

	private int limit(TaxiiQuery query) {
		Integer asked = query.limit();
		if (asked == null) {
			return properties.defaultPageSize();
		}
		if (asked < 1) {
			throw new TaxiiException(400, "limit must be a positive integer");
		}
		return Math.min(asked, properties.maxPageSize());
	}

	/** A position in a collection: the last object a page gave (date added, row sequence, part of the row). */
	private record Position(Instant added, long seq, int part) {

		boolean before(Instant added, long seq, int part) {
			int c = this.added.compareTo(added);
			if (c != 0) {
				return c < 0;
			}
			if (this.seq != seq) {
				return this.seq < seq;
			}
			return this.part < part;
		}

		String encode() {
			String raw = ChronoUnit.MICROS.between(Instant.EPOCH, added) + ":" + seq + ":" + part;
			return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
		}

		static @Nullable Position decode(@Nullable String next) {
			if (next == null || next.isBlank()) {
				return null;
			}
			try {
				String[] parts = new String(Base64.getUrlDecoder().decode(next.strip()), StandardCharsets.US_ASCII).split(":");
				if (parts.length != 3) {
					throw new IllegalArgumentException("three parts expected");
				}
				return new Position(Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS), Long.parseLong(parts[1]),
						Integer.parseInt(parts[2]));
			}
			catch (IllegalArgumentException | java.time.DateTimeException | ArithmeticException e) {
				throw new TaxiiException(400, "next is not a value this server gave");
			}
		}
	}

	private EntryPage walk(Agreement agreement, StixObjects.Recipient recipient, TaxiiQuery query, boolean bodies) {
		int limit = limit(query);
		if (!query.specVersionMatches()) {
			return new EntryPage(List.of(), false, null);
		}
		if (!query.ids().isEmpty()) {
			return new EntryPage(byIds(agreement, recipient, query.ids(), query, bodies), false, null);
		}
		Position position = Position.decode(query.next());
		Instant addedAfter = query.addedAfter();
		List<Entry> out = new ArrayList<>();
		List<ObjectNode> definitions = stix.definitions(agreement, sources(agreement), recipient);
		Instant definitionsAdded = agreement.createdAt().truncatedTo(ChronoUnit.MICROS);
		for (int i = 0; i < definitions.size() && out.size() <= limit; i++) {
			ObjectNode d = definitions.get(i);
			long seq = i - definitions.size();
			String type = d.path("type").asString();
			if ((position == null || position.before(definitionsAdded, seq, 0))
					&& (addedAfter == null || definitionsAdded.isAfter(addedAfter)) && query.typeMatches(type)
					&& query.versionMatches(definitionVersion(d))) {
				out.add(new Entry(d.path("id").asString(), type, definitionsAdded, definitionVersion(d), seq, 0,
						bodies ? d : null));
			}
		}
		Instant afterAdded = position == null ? Instant.EPOCH : position.added();
		long afterSeq = position == null ? Long.MIN_VALUE : position.seq() - 1;
		int batch = Math.max(16, limit / 2 + 2);
		String soleSource = agreement.sharing().size() == 1
				? stix.sourceIdentityId(agreement, agreement.sharing().iterator().next(), recipient) : null;
		CollectionObjectRepository.VersionFilter history = query.history();
		while (out.size() <= limit) {
			List<CollectionRow> rows = history == null ? objects.page(agreement.id(), afterAdded, afterSeq, addedAfter, batch)
					: objects.versionPage(agreement.id(), afterAdded, afterSeq, addedAfter, batch, history);
			if (rows.isEmpty()) {
				break;
			}
			Map<Long, SharedIndicators.Value> values = bodies
					? shared.values(rows.stream().map(CollectionRow::indicatorId).toList()) : Map.of();
			for (CollectionRow row : rows) {
				if (out.size() > limit) {
					break;
				}
				addRow(agreement, recipient, query, bodies, position, row, values.get(row.indicatorId()), soleSource, out, limit);
			}
			CollectionRow last = rows.get(rows.size() - 1);
			afterAdded = last.dateAdded();
			afterSeq = last.seq();
			addedAfter = null;
			if (rows.size() < batch) {
				break;
			}
		}
		boolean more = out.size() > limit;
		List<Entry> page = more ? out.subList(0, limit) : out;
		String next = more ? new Position(page.get(page.size() - 1).dateAdded(), page.get(page.size() - 1).seq(),
				page.get(page.size() - 1).part()).encode() : null;
		return new EntryPage(List.copyOf(page), more, next);
	}

	private void addRow(Agreement agreement, StixObjects.Recipient recipient, TaxiiQuery query, boolean bodies,
			@Nullable Position position, CollectionRow row, SharedIndicators.@Nullable Value value, @Nullable String soleSource,
			List<Entry> out, int limit) {
		if (bodies && value == null) {
			return; // gone from correlation since the refresh: the next refresh revokes it
		}
		for (int part = 0; part < 2 && out.size() <= limit; part++) {
			if (position != null && !position.before(row.dateAdded(), row.seq(), part)) {
				continue;
			}
			String type = part == 0 ? "indicator" : "sighting";
			if (!query.typeMatches(type) || !query.versionMatches(row.modified())) {
				continue;
			}
			String id = part == 0 ? stix.indicatorId(agreement, row, recipient) : stix.sightingId(agreement, row, recipient);
			ObjectNode body = !bodies ? null
					: part == 0 ? stix.indicator(agreement, row, java.util.Objects.requireNonNull(value), recipient)
							: stix.sighting(agreement, row, recipient, soleSource);
			out.add(new Entry(id, type, row.dateAdded(), row.modified(), row.seq(), part, body));
		}
	}

	private static Instant definitionVersion(ObjectNode d) {
		String modified = d.path("modified").asString(d.path("created").asString());
		return StixTime.parse(modified);
	}

	/**
	 * The objects with the given ids the recipient has (ids it cannot have, such as clear ids of pseudonyms, match
	 * nothing): their latest versions, or the versions {@code match[version]} asks for.
	 */
	private List<Entry> byIds(Agreement agreement, StixObjects.Recipient recipient, Set<String> ids, TaxiiQuery query,
			boolean bodies) {
		List<Entry> found = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		Instant definitionsAdded = agreement.createdAt().truncatedTo(ChronoUnit.MICROS);
		List<ObjectNode> definitions = stix.definitions(agreement, sources(agreement), recipient);
		for (int i = 0; i < definitions.size(); i++) {
			ObjectNode d = definitions.get(i);
			String id = d.path("id").asString();
			if (ids.contains(id)) {
				seen.add(id);
				found.add(new Entry(id, d.path("type").asString(), definitionsAdded, definitionVersion(d),
						i - definitions.size(), 0, bodies ? d : null));
			}
		}
		Set<UUID> uuids = new HashSet<>();
		for (String id : ids) {
			int dash = id.indexOf("--");
			if ((id.startsWith("indicator--") || id.startsWith("sighting--")) && !seen.contains(id)) {
				try {
					uuids.add(UUID.fromString(id.substring(dash + 2)));
				}
				catch (IllegalArgumentException notAnId) {
					// matches nothing
				}
			}
		}
		String soleSource = agreement.sharing().size() == 1
				? stix.sourceIdentityId(agreement, agreement.sharing().iterator().next(), recipient) : null;
		CollectionObjectRepository.VersionFilter history = query.history();
		if (!uuids.isEmpty()) {
			collect(agreement, recipient, ids, bodies, objects.byClearIds(agreement.id(), uuids), soleSource, history, found,
					seen);
		}
		// keyed ids cannot be looked up: scan the rows of the types this recipient gets as pseudonyms
		List<String> keyedTypes = Agreement.SHAREABLE_TYPES.stream()
			.filter(t -> agreement.indicatorTypes().contains(t) && agreement.pseudonymisedFor(t, recipient.publicAuthority()))
			.toList();
		long after = 0;
		while (seen.size() < ids.size() && !keyedTypes.isEmpty() && !uuids.isEmpty()) {
			List<CollectionRow> rows = objects.ofTypes(agreement.id(), keyedTypes, after, ID_SCAN_CHUNK);
			collect(agreement, recipient, ids, bodies, rows, soleSource, history, found, seen);
			if (rows.size() < ID_SCAN_CHUNK) {
				break;
			}
			after = rows.get(rows.size() - 1).indicatorId();
		}
		return found.stream()
			.filter(e -> query.typeMatches(e.type()) && query.versionMatches(e.version())
					&& (query.addedAfter() == null || e.dateAdded().isAfter(query.addedAfter())))
			.toList();
	}

	private void collect(Agreement agreement, StixObjects.Recipient recipient, Set<String> ids, boolean bodies,
			List<CollectionRow> rows, @Nullable String soleSource, CollectionObjectRepository.@Nullable VersionFilter history,
			List<Entry> found, Set<String> seen) {
		List<CollectionRow> matching = rows.stream()
			.filter(r -> ids.contains(stix.indicatorId(agreement, r, recipient)) || ids.contains(stix.sightingId(agreement, r, recipient)))
			.toList();
		if (matching.isEmpty()) {
			return;
		}
		List<Long> indicatorIds = matching.stream().map(CollectionRow::indicatorId).toList();
		Map<Long, SharedIndicators.Value> values = bodies ? shared.values(indicatorIds) : Map.of();
		List<CollectionRow> versions = history == null ? matching : objects.versionsOf(agreement.id(), indicatorIds, history);
		for (CollectionRow row : versions) {
			String indicatorId = stix.indicatorId(agreement, row, recipient);
			String sightingId = stix.sightingId(agreement, row, recipient);
			SharedIndicators.Value value = values.get(row.indicatorId());
			if (bodies && value == null) {
				continue;
			}
			if (ids.contains(indicatorId)) {
				seen.add(indicatorId);
				found.add(new Entry(indicatorId, "indicator", row.dateAdded(), row.modified(), row.seq(), 0,
						bodies ? stix.indicator(agreement, row, java.util.Objects.requireNonNull(value), recipient) : null));
			}
			if (ids.contains(sightingId)) {
				seen.add(sightingId);
				found.add(new Entry(sightingId, "sighting", row.dateAdded(), row.modified(), row.seq(), 1,
						bodies ? stix.sighting(agreement, row, recipient, soleSource) : null));
			}
		}
	}

	/** The object by id for the object endpoint, recorded as a disclosure. */
	@Transactional
	public List<Entry> object(CallerContext caller, UUID collection, String objectId, TaxiiQuery query) {
		Agreement agreement = readable(caller, collection);
		StixObjects.Recipient recipient = recipient(caller);
		List<Entry> entries = byIds(agreement, recipient, Set.of(objectId), query, true);
		disclosures.record(caller, agreement, "taxii", entries.stream()
			.filter(e -> e.type().equals("indicator") || e.type().equals("sighting")).map(Entry::id).toList(),
				entries.stream().anyMatch(e -> e.type().equals("indicator") && e.body() != null
						&& isClearPersonal(agreement, e.body(), recipient)));
		return entries;
	}
}
