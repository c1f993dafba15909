package eu.eccp.sharing.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import eu.eccp.shared.CallerContext;
import eu.eccp.sharing.internal.StixTime;
import eu.eccp.sharing.internal.TaxiiCollections;
import eu.eccp.sharing.internal.TaxiiException;
import eu.eccp.sharing.internal.TaxiiQuery;
import eu.eccp.sharing.internal.TaxiiWrites;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The TAXII 2.1 server: discovery at {@code /taxii2/}, one API root ({@code /taxii2/api/}), one collection per
 * agreement the caller's organisation receives under, with objects, manifest and versions (OASIS TAXII 2.1,
 * sections 4 and 5). Requests must accept {@code application/taxii+json;version=2.1} (or any type); answers carry it,
 * with {@code X-TAXII-Date-Added-First} and {@code -Last} on object and manifest pages.
 */
@Controller
class TaxiiController {

	static final String TAXII = TaxiiErrors.TAXII;
	static final String STIX = "application/stix+json;version=2.1";

	private final TaxiiCollections collections;
	private final TaxiiWrites writes;
	private final JsonMapper json;

	TaxiiController(TaxiiCollections collections, TaxiiWrites writes, JsonMapper json) {
		this.collections = collections;
		this.writes = writes;
		this.json = json;
	}

	/** TAXII 2.1 "Add Objects": an envelope in the TAXII media type, answered 202 with a status resource. */
	@org.springframework.web.bind.annotation.PostMapping({ "/taxii2/api/collections/{id}/objects/",
			"/taxii2/api/collections/{id}/objects" })
	ResponseEntity<byte[]> add(HttpServletRequest request, @PathVariable String id) throws java.io.IOException {
		accepts(request);
		String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(java.util.Locale.ROOT)
			.replace(" ", "");
		if (!type.startsWith("application/taxii+json") || (type.contains("version=") && !type.contains("version=2.1"))) {
			throw new TaxiiException(415, "Send the envelope as application/taxii+json;version=2.1");
		}
		tools.jackson.databind.JsonNode envelope;
		try {
			envelope = json.readTree(request.getInputStream());
		}
		catch (tools.jackson.core.JacksonException e) {
			throw new TaxiiException(400, "The body is not JSON");
		}
		ObjectNode status = writes.add(CallerContext.require(), collectionId(id), envelope);
		return ResponseEntity.status(202).header(HttpHeaders.CONTENT_TYPE, TAXII).body(json.writeValueAsBytes(status));
	}

	/**
	 * Discovery (TAXII 2.1, 4.1). A caller with a token learns of the API root of the agreements' collections (its
	 * default) and, when the operator enables it, of the public one; a caller without a token (only let through when
	 * the public collection is enabled) learns of the public API root only, its default, as it can read no other.
	 */
	@GetMapping({ "/taxii2/", "/taxii2" })
	ResponseEntity<byte[]> discovery(HttpServletRequest request) {
		accepts(request);
		boolean anonymous = CallerContext.current().isEmpty();
		String root = base() + "/taxii2/api/";
		String publicRoot = base() + "/taxii2/public/";
		boolean publicEnabled = !collections.publicCollections().isEmpty();
		ObjectNode o = json.createObjectNode();
		o.put("title", "ECCP TAXII 2.1");
		o.put("description", anonymous ? "European Cyber Crime Platform: its public TLP:CLEAR indicators"
				: "European Cyber Crime Platform: indicators shared under sharing agreements");
		o.put("default", anonymous ? publicRoot : root);
		ArrayNode roots = o.putArray("api_roots");
		if (!anonymous) {
			roots.add(root);
		}
		if (publicEnabled) {
			roots.add(publicRoot);
		}
		return taxii(o, null);
	}

	/** The public collection is read-only (its {@code can_write} is false): TAXII 2.1, 5.4, answers 403. */
	@org.springframework.web.bind.annotation.PostMapping({ "/taxii2/public/collections/{id}/objects/",
			"/taxii2/public/collections/{id}/objects" })
	ResponseEntity<byte[]> publicAdd(HttpServletRequest request, @PathVariable String id) {
		collections.publicCollection(collectionId(id));
		throw new TaxiiException(403, "The public collection is read-only");
	}

	@GetMapping({ "/taxii2/api/", "/taxii2/api" })
	ResponseEntity<byte[]> apiRoot(HttpServletRequest request) {
		accepts(request);
		ObjectNode o = json.createObjectNode();
		o.put("title", "ECCP sharing");
		o.put("description", "One collection per sharing agreement your organisation receives under");
		o.putArray("versions").add(TAXII);
		o.put("max_content_length", 100 * 1024 * 1024);
		return taxii(o, null);
	}

	@GetMapping({ "/taxii2/api/status/{statusId}/", "/taxii2/api/status/{statusId}" })
	ResponseEntity<byte[]> status(HttpServletRequest request, @PathVariable String statusId) {
		accepts(request);
		return taxii(writes.status(CallerContext.require(), statusId), null);
	}

	@GetMapping({ "/taxii2/api/collections/", "/taxii2/api/collections" })
	ResponseEntity<byte[]> collections(HttpServletRequest request) {
		accepts(request);
		ObjectNode o = json.createObjectNode();
		List<TaxiiCollections.CollectionInfo> list = collections.collections(CallerContext.require());
		if (!list.isEmpty()) {
			ArrayNode array = o.putArray("collections");
			list.forEach(c -> array.add(collection(c)));
		}
		return taxii(o, null);
	}

	@GetMapping({ "/taxii2/api/collections/{id}/", "/taxii2/api/collections/{id}" })
	ResponseEntity<byte[]> collection(HttpServletRequest request, @PathVariable String id) {
		accepts(request);
		return taxii(collection(collections.collection(CallerContext.require(), collectionId(id))), null);
	}

	@GetMapping({ "/taxii2/api/collections/{id}/objects/", "/taxii2/api/collections/{id}/objects" })
	ResponseEntity<byte[]> objects(HttpServletRequest request, @PathVariable String id) {
		accepts(request);
		TaxiiCollections.EntryPage page = collections.objects(CallerContext.require(), collectionId(id), query(request));
		return envelope(page);
	}

	@GetMapping({ "/taxii2/api/collections/{id}/objects/{objectId}/", "/taxii2/api/collections/{id}/objects/{objectId}" })
	ResponseEntity<byte[]> object(HttpServletRequest request, @PathVariable String id, @PathVariable String objectId) {
		accepts(request);
		List<TaxiiCollections.Entry> entries = collections.object(CallerContext.require(), collectionId(id), objectId,
				query(request));
		if (entries.isEmpty()) {
			throw new TaxiiException(404, "Object not found");
		}
		return envelope(new TaxiiCollections.EntryPage(entries, false, null));
	}

	@GetMapping({ "/taxii2/api/collections/{id}/objects/{objectId}/versions/",
			"/taxii2/api/collections/{id}/objects/{objectId}/versions" })
	ResponseEntity<byte[]> versions(HttpServletRequest request, @PathVariable String id, @PathVariable String objectId) {
		accepts(request);
		return versions(collections.versions(CallerContext.require(), collectionId(id), objectId, query(request)));
	}

	private ResponseEntity<byte[]> versions(List<TaxiiCollections.Entry> entries) {
		if (entries.isEmpty()) {
			throw new TaxiiException(404, "Object not found");
		}
		ObjectNode o = json.createObjectNode();
		o.put("more", false);
		ArrayNode versions = o.putArray("versions");
		entries.forEach(e -> versions.add(StixTime.format(e.version())));
		return taxii(o, new TaxiiCollections.EntryPage(entries, false, null));
	}

	@GetMapping({ "/taxii2/api/collections/{id}/manifest/", "/taxii2/api/collections/{id}/manifest" })
	ResponseEntity<byte[]> manifest(HttpServletRequest request, @PathVariable String id) {
		accepts(request);
		return manifest(collections.manifest(CallerContext.require(), collectionId(id), query(request)));
	}

	// --- the public TLP:CLEAR collection: its own API root, read without an account (404 unless enabled) ---

	@GetMapping({ "/taxii2/public/", "/taxii2/public" })
	ResponseEntity<byte[]> publicRoot(HttpServletRequest request) {
		accepts(request);
		if (collections.publicCollections().isEmpty()) {
			throw new TaxiiException(404, "There is no public collection");
		}
		ObjectNode o = json.createObjectNode();
		o.put("title", "ECCP public");
		o.put("description", "TLP:CLEAR indicators published under ECCP's sharing agreements, readable without an account");
		o.putArray("versions").add(TAXII);
		o.put("max_content_length", 0);
		return taxii(o, null);
	}

	@GetMapping({ "/taxii2/public/collections/", "/taxii2/public/collections" })
	ResponseEntity<byte[]> publicCollections(HttpServletRequest request) {
		accepts(request);
		List<TaxiiCollections.CollectionInfo> list = collections.publicCollections();
		if (list.isEmpty()) {
			throw new TaxiiException(404, "There is no public collection");
		}
		ObjectNode o = json.createObjectNode();
		ArrayNode array = o.putArray("collections");
		list.forEach(c -> array.add(collection(c)));
		return taxii(o, null);
	}

	@GetMapping({ "/taxii2/public/collections/{id}/", "/taxii2/public/collections/{id}" })
	ResponseEntity<byte[]> publicCollection(HttpServletRequest request, @PathVariable String id) {
		accepts(request);
		return taxii(collection(collections.publicCollection(collectionId(id))), null);
	}

	@GetMapping({ "/taxii2/public/collections/{id}/objects/", "/taxii2/public/collections/{id}/objects" })
	ResponseEntity<byte[]> publicObjects(HttpServletRequest request, @PathVariable String id) {
		accepts(request);
		return envelope(collections.publicObjects(collectionId(id), query(request)));
	}

	@GetMapping({ "/taxii2/public/collections/{id}/objects/{objectId}/",
			"/taxii2/public/collections/{id}/objects/{objectId}" })
	ResponseEntity<byte[]> publicObject(HttpServletRequest request, @PathVariable String id, @PathVariable String objectId) {
		accepts(request);
		List<TaxiiCollections.Entry> entries = collections.publicObject(collectionId(id), objectId, query(request));
		if (entries.isEmpty()) {
			throw new TaxiiException(404, "Object not found");
		}
		return envelope(new TaxiiCollections.EntryPage(entries, false, null));
	}

	@GetMapping({ "/taxii2/public/collections/{id}/objects/{objectId}/versions/",
			"/taxii2/public/collections/{id}/objects/{objectId}/versions" })
	ResponseEntity<byte[]> publicVersions(HttpServletRequest request, @PathVariable String id,
			@PathVariable String objectId) {
		accepts(request);
		return versions(collections.publicVersions(collectionId(id), objectId, query(request)));
	}

	@GetMapping({ "/taxii2/public/collections/{id}/manifest/", "/taxii2/public/collections/{id}/manifest" })
	ResponseEntity<byte[]> publicManifest(HttpServletRequest request, @PathVariable String id) {
		accepts(request);
		return manifest(collections.publicManifest(collectionId(id), query(request)));
	}

	private ResponseEntity<byte[]> manifest(TaxiiCollections.EntryPage page) {
		ObjectNode o = json.createObjectNode();
		o.put("more", page.more());
		if (page.next() != null) {
			o.put("next", page.next());
		}
		if (!page.entries().isEmpty()) {
			ArrayNode objects = o.putArray("objects");
			for (TaxiiCollections.Entry e : page.entries()) {
				ObjectNode m = objects.addObject();
				m.put("id", e.id());
				m.put("date_added", StixTime.format(e.dateAdded()));
				m.put("version", StixTime.format(e.version()));
				m.put("media_type", STIX);
			}
		}
		return taxii(o, page);
	}

	private ResponseEntity<byte[]> envelope(TaxiiCollections.EntryPage page) {
		ObjectNode o = json.createObjectNode();
		o.put("more", page.more());
		if (page.next() != null) {
			o.put("next", page.next());
		}
		if (!page.entries().isEmpty()) {
			ArrayNode objects = o.putArray("objects");
			page.entries().forEach(e -> objects.add(e.body()));
		}
		return taxii(o, page);
	}

	private ObjectNode collection(TaxiiCollections.CollectionInfo c) {
		ObjectNode o = json.createObjectNode();
		o.put("id", c.id().toString());
		o.put("title", c.title());
		o.put("description", c.description());
		o.put("can_read", true);
		o.put("can_write", c.canWrite());
		o.putArray("media_types").add(STIX);
		return o;
	}

	private ResponseEntity<byte[]> taxii(ObjectNode body, TaxiiCollections.@Nullable EntryPage page) {
		ResponseEntity.BodyBuilder answer = ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, TAXII);
		if (page != null && !page.entries().isEmpty()) {
			answer.header("X-TAXII-Date-Added-First", StixTime.format(page.entries().get(0).dateAdded()));
			answer.header("X-TAXII-Date-Added-Last", StixTime.format(page.entries().get(page.entries().size() - 1).dateAdded()));
		}
		return answer.body(json.writeValueAsBytes(body));
	}

	private static String base() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
	}

	/** TAXII 2.1 section 1.6.8: a request that does not accept the TAXII media type (version 2.1) gets 406. */
	static void accepts(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept == null || accept.isBlank()) {
			return;
		}
		for (String part : accept.split(",")) {
			String type = part.strip().toLowerCase(java.util.Locale.ROOT).replace(" ", "");
			if (type.startsWith("*/*") || type.startsWith("application/*")) {
				return;
			}
			if (type.startsWith("application/taxii+json")) {
				String params = type.substring("application/taxii+json".length());
				if (!params.contains("version=") || params.contains("version=2.1")) {
					return;
				}
			}
		}
		throw new TaxiiException(406, "The TAXII server answers application/taxii+json;version=2.1 only");
	}

	private static UUID collectionId(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException e) {
			throw new TaxiiException(404, "Collection not found");
		}
	}

	private TaxiiQuery query(HttpServletRequest request) {
		Instant addedAfter = null;
		String added = request.getParameter("added_after");
		if (added != null && !added.isBlank()) {
			try {
				addedAfter = StixTime.parse(added);
			}
			catch (IllegalArgumentException e) {
				throw new TaxiiException(400, "added_after is not an RFC 3339 timestamp");
			}
		}
		Integer limit = null;
		String limitText = request.getParameter("limit");
		if (limitText != null && !limitText.isBlank()) {
			try {
				limit = Integer.parseInt(limitText.strip());
			}
			catch (NumberFormatException e) {
				throw new TaxiiException(400, "limit must be a positive integer");
			}
			if (limit < 1) {
				throw new TaxiiException(400, "limit must be a positive integer");
			}
		}
		return new TaxiiQuery(addedAfter, limit, request.getParameter("next"), list(request, "match[id]"),
				list(request, "match[type]"), list(request, "match[version]"), list(request, "match[spec_version]"));
	}

	private static Set<String> list(HttpServletRequest request, String name) {
		String[] values = request.getParameterValues(name);
		if (values == null) {
			return Set.of();
		}
		return Arrays.stream(values).flatMap(v -> Arrays.stream(v.split(","))).map(String::strip).filter(s -> !s.isEmpty())
			.collect(Collectors.toUnmodifiableSet());
	}
}
