package eu.eccp.takedown.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import eu.eccp.audit.AuditActor;
import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.organisations.OrganisationType;
import eu.eccp.organisations.Organisations;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Role;
import eu.eccp.takedown.ContentRouting;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Organisations' content reports (hotlines, national units, Europol, trusted flaggers): one or many web
 * addresses with optional media hashes, one at a time or as NDJSON in bulk. Idempotent like report intake: a
 * retry with the same {@code Idempotency-Key} or {@code organisationReference} returns the original. Items
 * are handled by the submitting hotline itself, or routed like public reports (hotline of the submitter's
 * country, its national unit, the EU-level hotline), else by the submitter.
 */
@Service
public class ContentReports {

	static final Role[] SUBMITTERS = { Role.HOTLINE_ANALYST, Role.ANALYST, Role.COORDINATOR, Role.PARTNER,
			Role.CONTACT_POINT_OFFICER };

	/** Bulk lines stored together (one transaction, a few statements). */
	static final int CHUNK = 500;

	/** How many rejected lines a bulk answer lists. */
	static final int MAX_LISTED_REJECTIONS = 100;

	public record Receipt(UUID id, @Nullable String organisationReference, List<Placement> items, boolean replayed) {
	}

	public record Rejection(long line, Map<String, String> errors) {
	}

	public record BulkResult(long lines, long accepted, long replayed, long rejected, long itemsCreated,
			long itemsJoined, List<Rejection> rejections) {
	}

	private final ContentReportValidator validator;
	private final ContentReportRepository reports;
	private final ItemIntake intake;
	private final ContentRouting routing;
	private final Organisations organisations;
	private final AuditTrail audit;
	private final TakedownProperties properties;
	private final TransactionTemplate transactions;
	private final JsonMapper json;
	private final Clock clock;

	ContentReports(ContentReportValidator validator, ContentReportRepository reports, ItemIntake intake,
			ContentRouting routing, Organisations organisations, AuditTrail audit, TakedownProperties properties,
			TransactionTemplate transactions, JsonMapper json, Clock clock) {
		this.validator = validator;
		this.reports = reports;
		this.intake = intake;
		this.routing = routing;
		this.organisations = organisations;
		this.audit = audit;
		this.properties = properties;
		this.transactions = transactions;
		this.json = json;
		this.clock = clock;
	}

	@Transactional
	public Receipt submit(CallerContext caller, ContentReportDraft draft, @Nullable String idempotencyKey) {
		caller.requireAny(SUBMITTERS);
		String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
		if (key != null && key.length() > 200) {
			throw new InvalidRequestException("Idempotency-Key", "validation.tooLong");
		}
		ValidContentReport report = validator.validate(draft);
		if (key != null || report.organisationReference() != null) {
			Optional<UUID> earlier = reports.earlier(caller.organisationId(), key, report.organisationReference());
			if (earlier.isPresent()) {
				return new Receipt(earlier.get(), report.organisationReference(), reports.placements(earlier.get()), true);
			}
		}
		Instant now = clock.instant();
		UUID id = UUID.randomUUID();
		List<UUID> stored = reports.insertNew(caller.organisationId(), caller.userId().value(), "API",
				List.of(new ContentReportRepository.NewContentReport(id, key, report)), now);
		if (stored.isEmpty()) {
			// a concurrent retry with the same key or reference committed first
			UUID original = reports.earlier(caller.organisationId(), key, report.organisationReference()).orElseThrow();
			return new Receipt(original, report.organisationReference(), reports.placements(original), true);
		}
		OrganisationId handler = handlerFor(caller);
		List<Placement> placements = intake.place(sightings(caller, handler, id, report, now));
		audit.record(AuditEvent.of("takedown.content-report.submitted", "content-report", id)
			.withDetail("category=" + report.category() + " urls=" + report.urls().size()));
		return new Receipt(id, report.organisationReference(), placements, false);
	}

	/** Reads NDJSON (one content report per line) and stores it chunk by chunk; a chunk stored stays stored. */
	public BulkResult bulk(CallerContext caller, InputStream ndjson) throws IOException {
		caller.requireAny(SUBMITTERS);
		OrganisationId handler = handlerFor(caller);
		long lines = 0;
		long accepted = 0;
		long replayed = 0;
		long rejected = 0;
		long created = 0;
		long joined = 0;
		List<Rejection> rejections = new ArrayList<>();
		List<Line> chunk = new ArrayList<>(CHUNK);
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(ndjson, StandardCharsets.UTF_8))) {
			String text;
			while ((text = reader.readLine()) != null) {
				if (text.isBlank()) {
					continue;
				}
				lines++;
				if (lines > properties.maxBulkLines()) {
					rejected++;
					if (rejections.size() < MAX_LISTED_REJECTIONS) {
						rejections.add(new Rejection(lines, Map.of("line", "validation.takedown.tooManyLines")));
					}
					continue;
				}
				try {
					chunk.add(new Line(lines, validator.validate(json.readValue(text, ContentReportDraft.class))));
				}
				catch (JacksonException e) {
					rejected++;
					if (rejections.size() < MAX_LISTED_REJECTIONS) {
						rejections.add(new Rejection(lines, Map.of("line", "validation.takedown.badJson")));
					}
				}
				catch (InvalidRequestException e) {
					rejected++;
					if (rejections.size() < MAX_LISTED_REJECTIONS) {
						rejections.add(new Rejection(lines, e.fieldErrors()));
					}
				}
				if (chunk.size() == CHUNK) {
					long[] counts = storeChunk(caller, handler, chunk);
					accepted += counts[0];
					replayed += counts[1];
					created += counts[2];
					joined += counts[3];
					chunk.clear();
				}
			}
		}
		if (!chunk.isEmpty()) {
			long[] counts = storeChunk(caller, handler, chunk);
			accepted += counts[0];
			replayed += counts[1];
			created += counts[2];
			joined += counts[3];
		}
		return new BulkResult(lines, accepted, replayed, rejected, created, joined, List.copyOf(rejections));
	}

	private record Line(long number, ValidContentReport report) {
	}

	/** Stores one chunk in one transaction: {accepted, replayed, items created, items joined}. */
	private long[] storeChunk(CallerContext caller, OrganisationId handler, List<Line> chunk) {
		return transactions.execute(status -> {
			Instant now = clock.instant();
			List<String> references = chunk.stream().map(l -> l.report().organisationReference())
				.filter(java.util.Objects::nonNull).distinct().toList();
			Map<String, UUID> earlier = reports.byReferences(caller.organisationId(), references);
			List<ContentReportRepository.NewContentReport> fresh = new ArrayList<>();
			Set<String> referencesInChunk = new HashSet<>();
			long replayed = 0;
			for (Line line : chunk) {
				String reference = line.report().organisationReference();
				if (reference != null && (earlier.containsKey(reference) || !referencesInChunk.add(reference))) {
					replayed++;
					continue;
				}
				fresh.add(new ContentReportRepository.NewContentReport(UUID.randomUUID(), null, line.report()));
			}
			Set<UUID> stored = new HashSet<>(fresh.isEmpty() ? List.of()
					: reports.insertNew(caller.organisationId(), caller.userId().value(), "BULK", fresh, now));
			replayed += fresh.size() - stored.size();
			List<Sighting> sightings = new ArrayList<>();
			List<AuditEvent> events = new ArrayList<>();
			for (ContentReportRepository.NewContentReport report : fresh) {
				if (stored.contains(report.id())) {
					sightings.addAll(sightings(caller, handler, report.id(), report.report(), now));
					events.add(AuditEvent.of("takedown.content-report.submitted", "content-report", report.id())
						.withDetail("channel=BULK category=" + report.report().category()));
				}
			}
			List<Placement> placements = intake.place(sightings);
			long created = placements.stream().filter(Placement::created).map(Placement::item).distinct().count();
			long joined = placements.stream().filter(p -> !p.created()).count();
			if (!events.isEmpty()) {
				audit.recordAll(AuditActor.of(caller), events);
			}
			return new long[] { stored.size(), replayed, created, joined };
		});
	}

	private static List<Sighting> sightings(CallerContext caller, OrganisationId handler, UUID id,
			ValidContentReport report, Instant now) {
		List<Sighting> sightings = new ArrayList<>(report.urls().size());
		for (ValidContentReport.Given given : report.urls()) {
			sightings.add(new Sighting("CONTENT_REPORT", id, report.organisationReference(), caller.organisationId(),
					handler, given.text(), given.url(), report.category(), report.tlp(), now, report.hashes()));
		}
		return sightings;
	}

	/** A hotline handles what it reports; others' reports go where the public's would. */
	OrganisationId handlerFor(CallerContext caller) {
		boolean hotline = organisations.find(caller.organisationId())
			.map(org -> org.type() == OrganisationType.HOTLINE)
			.orElse(false);
		if (hotline) {
			return caller.organisationId();
		}
		return routing.handlerFor(List.of(caller.country())).map(ContentRouting.Route::handler)
			.orElse(caller.organisationId());
	}

}
