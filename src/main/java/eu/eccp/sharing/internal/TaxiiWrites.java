package eu.eccp.sharing.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;

import eu.eccp.audit.AuditActor;
import eu.eccp.shared.CallerContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Objects a receiving partner adds to a writable collection (TAXII 2.1 "Add Objects"): they are imported as the
 * partner's own sightings ({@link StixImport}, with the agreement's ceiling as the marking of objects without one) and
 * answered with a status resource, complete at once, that only the partner's organisation can read again.
 */
@Service
public class TaxiiWrites {

	private final TaxiiCollections collections;
	private final StixImport imports;
	private final TaxiiStatusRepository statuses;
	private final JsonMapper json;
	private final Clock clock;

	TaxiiWrites(TaxiiCollections collections, StixImport imports, TaxiiStatusRepository statuses,
			JsonMapper json, Clock clock) {
		this.collections = collections;
		this.imports = imports;
		this.statuses = statuses;
		this.json = json;
		this.clock = clock;
	}

	public ObjectNode add(CallerContext caller, UUID collection, JsonNode envelope) {
		Agreement agreement = collections.readable(caller, collection);
		if (!agreement.writable()) {
			throw new TaxiiException(403, "This collection is not writable");
		}
		if (!StixImport.mayImport(caller)) {
			throw new TaxiiException(403, "Your roles do not allow adding objects");
		}
		if (!envelope.isObject() || !envelope.path("objects").isArray()) {
			throw new TaxiiException(422, "The body is not a TAXII envelope with objects");
		}
		Instant at = clock.instant();
		List<JsonNode> objects = new java.util.ArrayList<>();
		envelope.path("objects").forEach(objects::add);
		ImportReport report = imports.importObjects(caller.organisationId().value(), objects, agreement.tlpCeiling(),
				"taxii-write", AuditActor.of(caller));
		UUID id = UUID.randomUUID();
		ObjectNode status = json.createObjectNode();
		status.put("id", id.toString());
		status.put("status", "complete");
		status.put("request_timestamp", StixTime.format(at));
		status.put("total_count", report.received());
		status.put("success_count", report.received() - report.rejectedCount());
		status.put("failure_count", report.rejectedCount());
		status.put("pending_count", 0);
		Set<Integer> failed = new HashSet<>();
		ArrayNode failures = status.putArray("failures");
		for (ImportReport.Rejection r : report.rejected()) {
			failed.add(r.index());
			ObjectNode f = failures.addObject();
			f.put("id", r.id());
			f.put("message", r.reason());
		}
		ArrayNode successes = status.putArray("successes");
		for (int i = 0; i < objects.size(); i++) {
			JsonNode o = objects.get(i);
			if (!failed.contains(i) && o.isObject()) {
				ObjectNode s = successes.addObject();
				s.put("id", o.path("id").asString(""));
				if (o.path("modified").isString()) {
					s.put("version", o.path("modified").asString());
				}
			}
		}
		statuses.insert(new TaxiiStatusRepository.Status(id, agreement.id(), caller.organisationId().value(), at,
				report.received(), report.received() - report.rejectedCount(), report.rejectedCount(),
				json.writeValueAsString(status)));
		return status;
	}

	public ObjectNode status(CallerContext caller, String statusId) {
		UUID id;
		try {
			id = UUID.fromString(statusId);
		}
		catch (IllegalArgumentException e) {
			throw new TaxiiException(404, "Status not found");
		}
		String body = statuses.body(id, caller.organisationId().value())
			.orElseThrow(() -> new TaxiiException(404, "Status not found"));
		return (ObjectNode) json.readTree(body);
	}
}
