package eu.eccp.sharing.internal;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import eu.eccp.audit.AuditActor;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.Tlp;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports MISP events (MISP's JSON format: {@code {"Event": {...}}}, or a list of them under {@code response} as
 * MISP's REST search answers) the way {@link StixImport} imports STIX objects: each attribute of a type ECCP knows
 * (the inverse of {@link MispFeed}'s mapping, with composite types such as {@code domain|ip} or
 * {@code filename|sha256} split) becomes a record of source kind {@code FEED} owned by the importing organisation,
 * marked with the strictest {@code tlp:*} tag of the attribute, else of the event, else the default; types ECCP does not
 * know ({@code text}, {@code comment}, {@code link}...) and deleted attributes are skipped; an attribute with a bad value,
 * no UUID or a bad time is rejected on its own with its reason. The record id comes from the attribute's UUID, so
 * importing an event again (or a newer version of it) changes nothing for attributes already imported. An event is
 * read as a stream; its attributes are held as small values until the event's own tags (often written after them) are
 * known.
 */
@Service
public class MispImport {

	private final StixImport imports;
	private final JsonMapper json;
	private final Clock clock;

	MispImport(StixImport imports, JsonMapper json, Clock clock) {
		this.imports = imports;
		this.json = json;
		this.clock = clock;
	}

	/** An attribute as read: its position, UUID, MISP type, value, own marking (if tagged) and time. */
	private record Candidate(int index, String uuid, String type, String value, @Nullable Tlp tlp, @Nullable Instant seen,
			boolean badTime, boolean deleted) {
	}

	/** Imports an uploaded MISP event file into the caller's organisation. */
	public ImportReport importEvent(CallerContext caller, InputStream body, Tlp defaultMarking) {
		if (!StixImport.mayImport(caller)) {
			throw new AccessDeniedException("the caller's roles do not allow importing");
		}
		StixImport.Batch batch = imports.open(caller.organisationId().value(), defaultMarking, "misp-upload");
		if (!read(batch, body, defaultMarking, null)) {
			throw new InvalidRequestException("event", "sharing.import.notAnEvent");
		}
		return imports.close(batch, AuditActor.of(caller), "misp-upload");
	}

	/**
	 * Imports one event file of a MISP feed for an organisation ({@code manifestTlp}: the marking the manifest gave the
	 * event, used when the event has no tag of its own). The caller closes the batch.
	 */
	boolean readInto(StixImport.Batch batch, InputStream body, Tlp defaultMarking, @Nullable Tlp manifestTlp) {
		return read(batch, body, defaultMarking, manifestTlp);
	}

	/** Reads every event of the body into the batch; false when the body holds no MISP event at all. */
	private boolean read(StixImport.Batch batch, InputStream body, Tlp defaultMarking, @Nullable Tlp fallback) {
		int events = 0;
		try (JsonParser parser = json.createParser(body)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return false;
			}
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				if ("Event".equals(name) && value == JsonToken.START_OBJECT) {
					event(batch, parser, defaultMarking, fallback);
					events++;
				}
				else if ("response".equals(name) && value == JsonToken.START_ARRAY) {
					while (parser.nextToken() == JsonToken.START_OBJECT) {
						while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
							String inner = parser.currentName();
							if (parser.nextToken() == JsonToken.START_OBJECT && "Event".equals(inner)) {
								event(batch, parser, defaultMarking, fallback);
								events++;
							}
							else {
								parser.skipChildren();
							}
						}
					}
				}
				else {
					parser.skipChildren();
				}
			}
		}
		catch (JacksonException e) {
			if (events == 0 && batch.received == 0) {
				return false;
			}
			batch.reject(batch.nextIndex(), "", "json-syntax");
		}
		return events > 0;
	}

	/** One event, the parser on its opening brace. */
	private void event(StixImport.Batch batch, JsonParser parser, Tlp defaultMarking, @Nullable Tlp fallback) {
		List<Candidate> candidates = new ArrayList<>();
		Tlp eventTlp = null;
		Instant eventDate = null;
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			JsonToken value = parser.nextToken();
			if ("Attribute".equals(name) && value == JsonToken.START_ARRAY) {
				while (parser.nextToken() != JsonToken.END_ARRAY) {
					candidates.add(candidate(batch, parser.readValueAsTree()));
				}
			}
			else if ("Object".equals(name) && value == JsonToken.START_ARRAY) {
				while (parser.nextToken() != JsonToken.END_ARRAY) {
					JsonNode object = parser.readValueAsTree();
					boolean objectDeleted = object.path("deleted").asBoolean(false);
					for (JsonNode attribute : object.path("Attribute")) {
						Candidate c = candidate(batch, attribute);
						candidates.add(objectDeleted ? new Candidate(c.index(), c.uuid(), c.type(), c.value(), c.tlp(),
								c.seen(), c.badTime(), true) : c);
					}
				}
			}
			else if ("Tag".equals(name) && value == JsonToken.START_ARRAY) {
				eventTlp = strictest(parser.readValueAsTree());
			}
			else if ("date".equals(name) && value == JsonToken.VALUE_STRING) {
				try {
					eventDate = LocalDate.parse(parser.getString()).atStartOfDay(ZoneOffset.UTC).toInstant();
				}
				catch (java.time.format.DateTimeParseException ignored) {
					// the attributes' own times are used
				}
			}
			else {
				parser.skipChildren();
			}
		}
		Tlp marking = eventTlp != null ? eventTlp : fallback != null ? fallback : defaultMarking;
		for (Candidate c : candidates) {
			add(batch, c, marking, eventDate);
		}
	}

	private Candidate candidate(StixImport.Batch batch, JsonNode a) {
		int index = batch.nextIndex();
		if (!a.isObject()) {
			return new Candidate(index, "", "", "", null, null, false, false);
		}
		Instant seen = null;
		boolean badTime = false;
		try {
			if (a.path("first_seen").isString() && !a.path("first_seen").asString().isBlank()) {
				seen = StixTime.parse(a.path("first_seen").asString());
			}
			else if (!a.path("timestamp").isMissingNode() && !a.path("timestamp").isNull()) {
				seen = Instant.ofEpochSecond(Long.parseLong(a.path("timestamp").asString().strip()));
			}
		}
		catch (IllegalArgumentException | java.time.DateTimeException e) {
			badTime = true;
		}
		return new Candidate(index, a.path("uuid").asString(""), a.path("type").asString(""), a.path("value").asString(""),
				strictest(a.path("Tag")), seen, badTime, a.path("deleted").asBoolean(false));
	}

	private void add(StixImport.Batch batch, Candidate c, Tlp eventMarking, @Nullable Instant eventDate) {
		String id = "misp-attribute--" + c.uuid();
		if (c.type().isEmpty() && c.uuid().isEmpty()) {
			batch.reject(c.index(), "", "not-an-object");
			return;
		}
		if (c.deleted()) {
			batch.skip();
			return;
		}
		List<StixPatternReader.Observable> observables = observables(c.type(), c.value());
		if (observables == null) {
			batch.skip();
			return;
		}
		try {
			UUID.fromString(c.uuid());
		}
		catch (IllegalArgumentException e) {
			batch.reject(c.index(), c.uuid(), "bad-id");
			return;
		}
		if (c.badTime()) {
			batch.reject(c.index(), id, "bad-timestamp");
			return;
		}
		if (observables.isEmpty()) {
			batch.reject(c.index(), id, "invalid-value");
			return;
		}
		Tlp marking = c.tlp() != null ? c.tlp() : eventMarking;
		Instant seen = c.seen() != null ? c.seen() : eventDate != null ? eventDate : clock.instant();
		batch.addObserved(c.index(), id, observables, marking, seen);
	}

	/**
	 * The ECCP indicators a MISP attribute carries, null for a type ECCP does not import, empty for a composite value
	 * that does not split as its type says.
	 */
	static @Nullable List<StixPatternReader.Observable> observables(String mispType, String value) {
		String v = value.strip();
		if (mispType.contains("|")) {
			String[] types = mispType.split("\\|", 2);
			String[] values = v.split("\\|", 2);
			List<StixPatternReader.Observable> parts = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				String type = eccpType(types[i], i < values.length ? values[i].strip() : "");
				if (type != null) {
					if (values.length != 2) {
						return List.of();
					}
					parts.add(new StixPatternReader.Observable(type, values[i].strip()));
				}
			}
			return parts.isEmpty() ? null : parts;
		}
		String type = eccpType(mispType, v);
		return type == null ? null : List.of(new StixPatternReader.Observable(type, v));
	}

	/** ECCP's indicator type for a MISP attribute type (and value, for the address family), or null. */
	static @Nullable String eccpType(String mispType, String value) {
		return switch (mispType.toLowerCase(Locale.ROOT)) {
			case "url", "uri" -> "URL";
			case "domain", "hostname" -> value.toLowerCase(Locale.ROOT).endsWith(".onion") ? "ONION" : "DOMAIN";
			case "ip-dst", "ip-src", "ip" -> value.contains("/") ? "CIDR" : value.contains(":") ? "IPV6" : "IPV4";
			case "email", "email-src", "email-dst", "email-reply-to" -> "EMAIL";
			case "phone-number", "whois-registrant-phone" -> "PHONE";
			case "iban" -> "IBAN";
			case "bic" -> "BIC";
			case "btc" -> "BITCOIN";
			case "md5" -> "MD5";
			case "sha1" -> "SHA1";
			case "sha256" -> "SHA256";
			case "sha512" -> "SHA512";
			case "as" -> "ASN";
			default -> null;
		};
	}

	/** The strictest TLP among MISP tags ({@code tlp:clear}, {@code tlp:white}, {@code tlp:amber+strict}...), or null. */
	static @Nullable Tlp strictest(JsonNode tags) {
		Tlp strictest = null;
		for (JsonNode tag : tags) {
			String name = tag.path("name").asString("").strip().toLowerCase(Locale.ROOT);
			if (!name.startsWith("tlp:")) {
				continue;
			}
			Tlp tlp;
			try {
				tlp = Tlp.parse(name.replace("\"", ""));
			}
			catch (IllegalArgumentException unknown) {
				continue; // tlp:ex:chr and other local variants
			}
			if (strictest == null || tlp.ordinal() < strictest.ordinal()) {
				strictest = tlp;
			}
		}
		return strictest;
	}
}
