package eu.eccp.sharing.internal;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
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
import eu.eccp.indicators.ExtractionOptions;
import eu.eccp.indicators.Indicator;
import eu.eccp.indicators.IndicatorExtractor;
import eu.eccp.indicators.IndicatorType;
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
	 * Batches of one import are recorded two at a time (correlation runs {@code concurrent-ingests}, 2 by default, at
	 * once): while one batch is correlated the next is checked and recorded. Two threads per node, shared by all
	 * imports; a third batch waits for one of them.
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
	private final IndicatorExtractor extractor;
	private final Organisations organisations;
	private final JsonMapper json;
	private final AuditTrail audit;
	private final TransactionTemplate transactions;
	private final SharingProperties properties;
	private final Clock clock;

	StixImport(Sightings sightings, IndicatorExtractor extractor, Organisations organisations, JsonMapper json,
			AuditTrail audit, TransactionTemplate transactions, SharingProperties properties, Clock clock) {
		this.sightings = sightings;
		this.extractor = extractor;
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
		final List<RecordSightings> pending = new ArrayList<>();
		final List<ImportReport.Rejection> rejected = new ArrayList<>();
		int received;
		int imported;
		int skipped;
		int rejectedCount;
		int newSightings;
		int hits;
		final java.util.ArrayDeque<java.util.concurrent.Future<IngestResult>> inFlight = new java.util.ArrayDeque<>();

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
			List<ObservedIndicator> indicators = new ArrayList<>();
			for (StixPatternReader.Observable o : observables) {
				ObservedIndicator canonical = canonical(o);
				if (canonical == null) {
					reject(index, id, "invalid-value");
					return;
				}
				indicators.add(canonical);
			}
			UUID record = StixIds.v5("feed|" + organisation + "|" + id);
			pending.add(new RecordSightings(new SourceRef(FEED, record), owner.id(), owner.country(), marking, seen,
					indicators));
			imported++;
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
			List<RecordSightings> batch = List.copyOf(pending);
			pending.clear();
			while (inFlight.size() >= 2) {
				collect(inFlight.removeFirst());
			}
			inFlight.add(recorders.submit(() -> sightings.record(batch, HitAnnouncement.heldUnder(key))));
		}

		private void collect(java.util.concurrent.Future<IngestResult> future) {
			try {
				IngestResult result = future.get();
				newSightings += result.newSightings();
				hits += result.hits();
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
			return new ImportReport(received, imported, skipped, rejectedCount, rejected, newSightings, hits);
		}
	}

	/** The value in the indicators module's canonical form, if it is exactly one indicator of the type. */
	private @Nullable ObservedIndicator canonical(StixPatternReader.Observable o) {
		IndicatorType type = IndicatorType.valueOf(o.type());
		String value = o.value().strip();
		if (value.isEmpty() || value.length() > 2048) {
			return null;
		}
		if (type == IndicatorType.ASN && !value.toUpperCase(java.util.Locale.ROOT).startsWith("AS")) {
			value = "AS" + value;
		}
		List<Indicator> found = extractor.extract(value, ExtractionOptions.defaults().withTypes(EnumSet.of(type)));
		if (found.size() != 1 || !found.get(0).original().strip().equalsIgnoreCase(value)) {
			return null;
		}
		return ObservedIndicator.of(found.get(0)).orElse(null);
	}

	@jakarta.annotation.PreDestroy
	void stop() {
		recorders.shutdown();
	}
}
