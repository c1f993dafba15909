package eu.eccp.sharing.internal;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import eu.eccp.audit.AuditActor;
import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.correlation.HitAnnouncement;
import eu.eccp.correlation.IngestResult;
import eu.eccp.correlation.ObservedIndicator;
import eu.eccp.correlation.RecordSightings;
import eu.eccp.correlation.Sightings;
import eu.eccp.correlation.SourceRef;
import eu.eccp.indicators.IndicatorExtractor;
import eu.eccp.organisations.OrganisationView;
import eu.eccp.organisations.Organisations;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.Role;
import eu.eccp.shared.Tlp;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports STIX 2.1 objects (a bundle, a TAXII envelope, a page a TAXII source gave) as sightings: each indicator
 * object (or observable with a value) becomes a record of source kind {@code FEED}, owned by the importing
 * organisation, in its country, with the object's TLP marking (or the source's when it has none), so imported
 * indicators correlate like reports. Values are checked and put in canonical form by the indicators module. A bad
 * object is rejected on its own with its reason; the rest are imported. The record's id is derived from the
 * importing organisation and the object's STIX id, so importing the same objects again changes nothing. Bundles are
 * read as a stream, never held whole in memory, and recorded in batches.
 */
@Service
public class StixImport {

	/** Records of imported objects carry this source kind. */
	public static final String FEED = "FEED";

	private static final int BATCH = 5_000;

	/**
	 * Chunks of one import are checked and recorded two at a time (correlation runs {@code concurrent-ingests}, 2 by
	 * default, at once): while the request's thread reads the next chunk of objects, a recorder checks a chunk's values
	 * ({@link CanonicalValues}, one call of the extractor per value) and hands it to correlation as one batch. Two
	 * threads per node, shared by all imports; a third chunk waits for one of them.
	 */
	private final java.util.concurrent.ExecutorService recorders = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
		Thread t = new Thread(r, "sharing-import");
		t.setDaemon(true);
		return t;
	});

	private static final Pattern STIX_ID = Pattern.compile("^[a-z][a-z0-9-]*[a-z0-9]--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

	/** TLP 1.0 marking definitions (STIX 2.0 and 2.1 specifications) besides the TLP 2.0 ones. */
	private static final Map<String, Tlp> TLP_BY_MARKING = tlpMarkings();

	private static final Set<String> SCO_WITH_VALUE = Set.of("url", "domain-name", "ipv4-addr", "ipv6-addr", "email-addr");

	private final Sightings sightings;
	private final CanonicalValues canonicalValues;
	private final Organisations organisations;
	private final JsonMapper json;
	private final AuditTrail audit;
	private final TransactionTemplate transactions;
	private final SharingProperties properties;
	private final Clock clock;

	StixImport(Sightings sightings, IndicatorExtractor extractor, Organisations organisations, JsonMapper json,
			AuditTrail audit, TransactionTemplate transactions, SharingProperties properties, Clock clock) {
		this.sightings = sightings;
		this.canonicalValues = new CanonicalValues(extractor);
		this.organisations = organisations;
		this.json = json;
		this.audit = audit;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	private static Map<String, Tlp> tlpMarkings() {
		Map<String, Tlp> map = new LinkedHashMap<>();
		StixObjects.TLP_IDS.forEach((tlp, id) -> map.put(id, tlp));
		map.put("marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", Tlp.CLEAR);
		map.put("marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", Tlp.GREEN);
		map.put("marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", Tlp.AMBER);
		map.put("marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", Tlp.RED);
		return Map.copyOf(map);
	}

	/** Whether the caller may import into their organisation. */
	public static boolean mayImport(CallerContext caller) {
		return caller.has(Role.ANALYST) || caller.has(Role.PARTNER) || caller.has(Role.HOTLINE_ANALYST)
				|| caller.has(Role.COORDINATOR) || caller.has(Role.CONTACT_POINT_OFFICER) || caller.has(Role.ADMIN);
	}

	/** Imports an uploaded bundle (or envelope) into the caller's organisation. */
	public ImportReport importBundle(CallerContext caller, InputStream body, Tlp defaultMarking) {
		if (!mayImport(caller)) {
			throw new AccessDeniedException("the caller's roles do not allow importing");
		}
		Batch batch = new Batch(caller.organisationId().value(), defaultMarking, "upload");
		try (JsonParser parser = json.createParser(body)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new InvalidRequestException("bundle", "sharing.import.notABundle");
			}
			boolean sawObjects = false;
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				if ("objects".equals(name) && value == JsonToken.START_ARRAY) {
					sawObjects = true;
					while (parser.nextToken() != JsonToken.END_ARRAY) {
						JsonNode node = parser.readValueAsTree();
						batch.add(node);
					}
				}
				else {
					parser.skipChildren();
				}
			}
			if (!sawObjects && batch.received == 0) {
				throw new InvalidRequestException("bundle", "sharing.import.notABundle");
			}
		}
		catch (JacksonException e) {
			if (batch.received == 0) {
				throw new InvalidRequestException("bundle", "sharing.import.notABundle");
			}
			batch.reject(batch.received, "", "json-syntax");
		}
		ImportReport report = batch.finish();
		auditImport(AuditActor.of(caller), caller.organisationId().value(), "upload", report);
		return report;
	}

	/** Imports objects of a TAXII page or envelope for an organisation (the TAXII client, a writable collection). */
	ImportReport importObjects(UUID organisation, Iterable<JsonNode> objects, Tlp defaultMarking, String channel,
			AuditActor actor) {
		Batch batch = new Batch(organisation, defaultMarking, channel);
		for (JsonNode node : objects) {
			batch.add(node);
		}
		ImportReport report = batch.finish();
		auditImport(actor, organisation, channel, report);
		return report;
	}

	private void auditImport(AuditActor actor, UUID organisation, String channel, ImportReport report) {
		transactions.executeWithoutResult(status -> audit.record(actor, AuditEvent.of("sharing.imported", "organisation",
				organisation).withDetail("channel=" + channel + " received=" + report.received() + " imported="
						+ report.imported() + " rejected=" + report.rejectedCount())));
	}

	/** Opens an import for an organisation; {@link #close} finishes and audits it. */
	Batch open(UUID organisation, Tlp defaultMarking, String channel) {
		return new Batch(organisation, defaultMarking, channel);
	}

	ImportReport close(Batch batch, AuditActor actor, String channel) {
		ImportReport report = batch.finish();
		auditImport(actor, batch.organisation, channel, report);
		return report;
	}

	/** One import: objects are checked as they come and recorded a batch at a time. */
	final class Batch {

		final UUID organisation;
		final OrganisationView owner;
		final Tlp defaultMarking;
		final String key;
		/** Objects read and not yet checked: checked and recorded together, {@value StixImport#BATCH} at a time. */
		List<Pending> pending = new ArrayList<>();
		final List<ImportReport.Rejection> rejected = new ArrayList<>();
		int received;
		int imported;
		int skipped;
		int rejectedCount;
		int newSightings;
		int hits;
		final java.util.ArrayDeque<java.util.concurrent.Future<Chunk>> inFlight = new java.util.ArrayDeque<>();

		Batch(UUID organisation, Tlp defaultMarking, String channel) {
			this.organisation = organisation;
			this.owner = organisations.find(new eu.eccp.shared.OrganisationId(organisation))
				.orElseThrow(() -> new IllegalStateException("unknown organisation " + organisation));
			this.defaultMarking = defaultMarking;
			this.key = "sharing-import:" + channel + ":" + UUID.randomUUID();
		}

		void add(JsonNode node) {
			int index = received++;
			if (received > properties.maxImportObjects()) {
				reject(index, node.path("id").asString(""), "too-many-objects");
				return;
			}
			if (!node.isObject()) {
				reject(index, "", "not-an-object");
				return;
			}
			String id = node.path("id").asString("");
			String type = node.path("type").asString("");
			if (type.isEmpty()) {
				reject(index, id, "no-type");
				return;
			}
			if (!STIX_ID.matcher(id).matches() || !id.startsWith(type + "--")) {
				reject(index, id, "bad-id");
				return;
			}
			if (node.path("revoked").asBoolean(false)) {
				skipped++;
				return;
			}
			List<StixPatternReader.Observable> observables;
			try {
				if (type.equals("indicator")) {
					if (!node.path("pattern").isString() || node.path("pattern").asString().isBlank()) {
						reject(index, id, "no-pattern");
						return;
					}
					if (!"stix".equals(node.path("pattern_type").asString("stix"))) {
						reject(index, id, "pattern-type");
						return;
					}
					observables = StixPatternReader.read(node.path("pattern").asString());
				}
				else if (SCO_WITH_VALUE.contains(type) && node.path("value").isString()) {
					String value = node.path("value").asString();
					observables = List.of(new StixPatternReader.Observable(
							java.util.Objects.requireNonNull(StixPatternReader.type(type, "value", value)), value));
				}
				else {
					skipped++;
					return;
				}
			}
			catch (StixPatternReader.Unreadable e) {
				reject(index, id, e.getMessage());
				return;
			}
			Instant seen;
			try {
				seen = seenAt(node);
			}
			catch (IllegalArgumentException e) {
				reject(index, id, "bad-timestamp");
				return;
			}
			addObserved(index, id, observables, marking(node), seen);
		}

		/** Counts one more object received and returns its position. */
		int nextIndex() {
			return received++;
		}

		/**
		 * Records an object already read (a MISP attribute, say): its values checked and made canonical by the
		 * indicators module (a bad one rejects the object), its record id derived from the organisation and
		 * {@code id}, so importing it again changes nothing.
		 */
		void addObserved(int index, String id, List<StixPatternReader.Observable> observables, Tlp marking, Instant seen) {
			if (index >= properties.maxImportObjects()) {
				reject(index, id, "too-many-objects");
				return;
			}
			pending.add(new Pending(index, id, List.copyOf(observables), marking, seen));
			if (pending.size() >= BATCH) {
				flush();
			}
		}

		void skip() {
			skipped++;
		}

		void reject(int index, String id, String reason) {
			rejectedCount++;
			if (rejected.size() < ImportReport.MAX_LISTED) {
				rejected.add(new ImportReport.Rejection(index, id.length() > 200 ? id.substring(0, 200) : id, reason));
			}
		}

		private Tlp marking(JsonNode node) {
			Tlp strictest = null;
			for (JsonNode ref : node.path("object_marking_refs")) {
				Tlp tlp = TLP_BY_MARKING.get(ref.asString(""));
				if (tlp != null && (strictest == null || tlp.ordinal() < strictest.ordinal())) {
					strictest = tlp;
				}
			}
			return strictest == null ? defaultMarking : strictest;
		}

		private Instant seenAt(JsonNode node) {
			for (String field : List.of("valid_from", "first_observed", "created")) {
				if (node.path(field).isString()) {
					return StixTime.parse(node.path(field).asString());
				}
			}
			return clock.instant();
		}

		private void flush() {
			if (pending.isEmpty()) {
				return;
			}
			List<Pending> chunk = pending;
			pending = new ArrayList<>();
			while (inFlight.size() >= 2) {
				collect(inFlight.removeFirst());
			}
			inFlight.add(recorders.submit(() -> record(chunk)));
		}

		/**
		 * Checks a chunk's values together and records the objects whose values are all valid as one correlation
		 * batch (on a recorder thread; the counts are added when the chunk is collected).
		 */
		private Chunk record(List<Pending> chunk) {
			List<StixPatternReader.Observable> all = new ArrayList<>();
			chunk.forEach(p -> all.addAll(p.observables()));
			List<ObservedIndicator> checked = canonicalValues.check(all);
			List<RecordSightings> records = new ArrayList<>(chunk.size());
			List<ImportReport.Rejection> invalid = new ArrayList<>();
			int at = 0;
			for (Pending p : chunk) {
				List<ObservedIndicator> indicators = checked.subList(at, at + p.observables().size());
				at += p.observables().size();
				if (indicators.contains(null)) {
					invalid.add(new ImportReport.Rejection(p.index(), p.id(), "invalid-value"));
					continue;
				}
				UUID record = StixIds.v5("feed|" + organisation + "|" + p.id());
				records.add(new RecordSightings(new SourceRef(FEED, record), owner.id(), owner.country(), p.marking(),
						p.seen(), List.copyOf(indicators)));
			}
			IngestResult result = records.isEmpty() ? null : sightings.record(records, HitAnnouncement.heldUnder(key));
			return new Chunk(records.size(), invalid, result == null ? 0 : result.newSightings(),
					result == null ? 0 : result.hits());
		}

		private void collect(java.util.concurrent.Future<Chunk> future) {
			try {
				Chunk chunk = future.get();
				imported += chunk.imported();
				chunk.invalid().forEach(r -> reject(r.index(), r.id(), r.reason()));
				newSightings += chunk.newSightings();
				hits += chunk.hits();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while recording an import", e);
			}
			catch (java.util.concurrent.ExecutionException e) {
				throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
			}
		}

		ImportReport finish() {
			flush();
			while (!inFlight.isEmpty()) {
				collect(inFlight.removeFirst());
			}
			sightings.announce(key);
			rejected.sort(java.util.Comparator.comparingInt(ImportReport.Rejection::index));
			return new ImportReport(received, imported, skipped, rejectedCount, rejected, newSightings, hits);
		}
	}

	/** An object read, waiting for its values to be checked with its chunk's. */
	private record Pending(int index, String id, List<StixPatternReader.Observable> observables, Tlp marking,
			Instant seen) {
	}

	/** What recording a chunk gave. */
	private record Chunk(int imported, List<ImportReport.Rejection> invalid, int newSightings, int hits) {
	}

	@jakarta.annotation.PreDestroy
	void stop() {
		recorders.shutdown();
	}
}
