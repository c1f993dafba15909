package eu.eccp.sharing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.correlation.SharedIndicators;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.Tlp;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An agreement's collection as a MISP feed (format "MISP"): {@code manifest.json} lists the events, one per marking
 * and UTC day on which indicators first entered the collection; {@code <event uuid>.json} holds one event with an
 * attribute per indicator (MISP type and category, {@code to_ids}, its value as MISP stores it, see
 * {@link MispFormat}), each with its sightings summary as MISP sightings (one at the first and one at the last time
 * the records saw it; how many records and which countries are in the comment), tagged {@code tlp:*} and
 * {@code PAP:*}; {@code hashes.csv} has a line {@code md5,event uuid} per value MISP correlates, computed as MISP does
 * ({@link MispFormat#hashes}). Values reach the partner exactly as the TAXII server gives them: personal ones as keyed
 * pseudonyms (MISP type {@code text}, not for IDS). Event files are disclosures and are recorded.
 *
 * <p>No galaxy or taxonomy tag names an offence type: the module reads correlation's {@code SharedIndicators}, which
 * carries an indicator's records' summary but not their offence classification (that stays with the reports), so an
 * event cannot say which offences its attributes were reported under.
 */
@Service
public class MispFeed {

	private static final int CHUNK = 2_000;

	private final TaxiiCollections collections;
	private final CollectionObjectRepository objects;
	private final SharedIndicators shared;
	private final StixObjects stix;
	private final PseudonymKeys pseudonyms;
	private final Disclosures disclosures;
	private final JsonMapper json;

	MispFeed(TaxiiCollections collections, CollectionObjectRepository objects, SharedIndicators shared, StixObjects stix,
			PseudonymKeys pseudonyms, Disclosures disclosures, JsonMapper json) {
		this.collections = collections;
		this.objects = objects;
		this.shared = shared;
		this.stix = stix;
		this.pseudonyms = pseudonyms;
		this.disclosures = disclosures;
		this.json = json;
	}

	/** MISP's attribute type and category for an ECCP indicator type. */
	record MispType(String type, String category) {
	}

	static MispType mispType(String type) {
		return switch (type) {
			case "URL" -> new MispType("url", "Network activity");
			case "DOMAIN", "ONION" -> new MispType("domain", "Network activity");
			case "IPV4", "IPV6", "CIDR" -> new MispType("ip-dst", "Network activity");
			case "EMAIL" -> new MispType("email-src", "Payload delivery");
			case "PHONE" -> new MispType("phone-number", "Person");
			case "IBAN" -> new MispType("iban", "Financial fraud");
			case "BIC" -> new MispType("bic", "Financial fraud");
			case "BITCOIN" -> new MispType("btc", "Financial fraud");
			case "ETHEREUM" -> new MispType("text", "Financial fraud");
			case "MD5" -> new MispType("md5", "Payload delivery");
			case "SHA1" -> new MispType("sha1", "Payload delivery");
			case "SHA256" -> new MispType("sha256", "Payload delivery");
			case "SHA512" -> new MispType("sha512", "Payload delivery");
			case "ASN" -> new MispType("AS", "Network activity");
			default -> new MispType("text", "Other");
		};
	}

	static UUID eventUuid(UUID agreement, CollectionObjectRepository.EventGroup group) {
		return StixIds.v5("misp-event|" + agreement + "|" + group.tlp() + "|" + group.day());
	}

	private static String tlpTag(Tlp tlp) {
		return "tlp:" + tlp.name().toLowerCase(java.util.Locale.ROOT).replace('_', '+');
	}

	@Transactional(readOnly = true)
	public ObjectNode manifest(CallerContext caller, UUID collection) {
		Agreement agreement = collections.readable(caller, collection);
		ObjectNode manifest = json.createObjectNode();
		for (CollectionObjectRepository.EventGroup group : objects.eventGroups(agreement.id())) {
			ObjectNode e = manifest.putObject(eventUuid(agreement.id(), group).toString());
			fillEventHeader(e, agreement, group);
		}
		return manifest;
	}

	private void fillEventHeader(ObjectNode e, Agreement agreement, CollectionObjectRepository.EventGroup group) {
		e.put("info", "ECCP sharing agreement " + agreement.name() + " - " + group.tlp().label() + " - " + group.day());
		ObjectNode orgc = e.putObject("Orgc");
		orgc.put("name", "ECCP");
		orgc.put("uuid", StixObjects.PLATFORM_IDENTITY.substring("identity--".length()));
		e.put("analysis", 2);
		e.put("threat_level_id", 4);
		e.put("date", group.day().toString());
		e.put("timestamp", group.lastModified().getEpochSecond());
		e.put("publish_timestamp", group.lastModified().getEpochSecond());
		ArrayNode tags = e.putArray("Tag");
		tags.addObject().put("name", tlpTag(group.tlp()));
		tags.addObject().put("name", agreement.pap().label());
	}

	/** One event with its attributes, or null when the collection has no such event for the caller. */
	@Transactional
	public ObjectNode event(CallerContext caller, UUID collection, UUID eventUuid) {
		Agreement agreement = collections.readable(caller, collection);
		StixObjects.Recipient recipient = collections.recipient(caller);
		CollectionObjectRepository.EventGroup group = objects.eventGroups(agreement.id()).stream()
			.filter(g -> eventUuid(agreement.id(), g).equals(eventUuid)).findFirst()
			.orElseThrow(() -> new TaxiiException(404, "Event not found"));
		ObjectNode root = json.createObjectNode();
		ObjectNode event = root.putObject("Event");
		event.put("uuid", eventUuid.toString());
		fillEventHeader(event, agreement, group);
		event.put("analysis", "2");
		event.put("threat_level_id", "4");
		event.put("timestamp", String.valueOf(group.lastModified().getEpochSecond()));
		event.put("publish_timestamp", String.valueOf(group.lastModified().getEpochSecond()));
		event.put("published", true);
		event.put("distribution", "0");
		ArrayNode attributes = event.putArray("Attribute");
		List<String> disclosed = new ArrayList<>();
		boolean[] clearPersonal = { false };
		forEachAttribute(agreement, recipient, group, (row, attribute) -> {
			ObjectNode a = attributes.addObject();
			a.put("uuid", attribute.uuid().toString());
			a.put("type", attribute.type().type());
			a.put("category", attribute.type().category());
			a.put("value", attribute.value());
			a.put("to_ids", !attribute.pseudonymised());
			a.put("distribution", "5");
			a.put("timestamp", String.valueOf(row.modified().getEpochSecond()));
			a.put("first_seen", StixTime.format(row.firstSeen()));
			a.put("last_seen", StixTime.format(row.lastSeen()));
			a.put("comment", (attribute.pseudonymised() ? "ECCP keyed pseudonym of a value of type " + row.type() + "; " : "")
					+ "seen in " + row.records() + " record(s), countries " + String.join(" ", row.countries()));
			ArrayNode sightings = a.putArray("Sighting");
			sighting(sightings, attribute.uuid(), row.firstSeen());
			if (row.lastSeen().getEpochSecond() != row.firstSeen().getEpochSecond()) {
				sighting(sightings, attribute.uuid(), row.lastSeen());
			}
			disclosed.add("misp-attribute--" + attribute.uuid());
			clearPersonal[0] |= agreement.isPersonal(row.type()) && !attribute.pseudonymised();
		});
		disclosures.record(caller, agreement, "misp", disclosed, clearPersonal[0]);
		return root;
	}

	/**
	 * A MISP sighting of an attribute (type 0, a sighting) at a time, by the platform; its uuid is name-based, so a
	 * MISP instance pulling the feed again does not count it twice (MISP skips sightings whose uuid it has).
	 */
	private static void sighting(ArrayNode sightings, UUID attribute, java.time.Instant at) {
		ObjectNode s = sightings.addObject();
		s.put("uuid", StixIds.v5("misp-sighting|" + attribute + "|" + at.getEpochSecond()).toString());
		s.put("attribute_uuid", attribute.toString());
		s.put("date_sighting", String.valueOf(at.getEpochSecond()));
		s.put("type", "0");
		s.put("source", "ECCP");
		ObjectNode org = s.putObject("Organisation");
		org.put("name", "ECCP");
		org.put("uuid", StixObjects.PLATFORM_IDENTITY.substring("identity--".length()));
	}

	/** Writes {@code hashes.csv}: {@code md5,event uuid} per value MISP correlates, of every attribute of every event. */
	@Transactional(readOnly = true)
	public void hashes(CallerContext caller, UUID collection, Writer out) {
		Agreement agreement = collections.readable(caller, collection);
		StixObjects.Recipient recipient = collections.recipient(caller);
		for (CollectionObjectRepository.EventGroup group : objects.eventGroups(agreement.id())) {
			String event = eventUuid(agreement.id(), group).toString();
			forEachAttribute(agreement, recipient, group, (row, attribute) -> {
				try {
					for (String hash : MispFormat.hashes(attribute.type().type(), attribute.value())) {
						out.write(hash + "," + event + "\n");
					}
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
	}

	record Attribute(UUID uuid, MispType type, String value, boolean pseudonymised) {
	}

	private void forEachAttribute(Agreement agreement, StixObjects.Recipient recipient, CollectionObjectRepository.EventGroup group,
			java.util.function.BiConsumer<CollectionRow, Attribute> action) {
		long after = 0;
		while (true) {
			List<CollectionRow> rows = objects.eventRows(agreement.id(), group.tlp(), group.day(), after, CHUNK);
			Map<Long, SharedIndicators.Value> values = shared.values(rows.stream().map(CollectionRow::indicatorId).toList());
			for (CollectionRow row : rows) {
				SharedIndicators.Value value = values.get(row.indicatorId());
				if (value == null) {
					continue;
				}
				boolean pseudonymised = agreement.pseudonymisedFor(row.type(), recipient.publicAuthority());
				String id = stix.indicatorId(agreement, row, recipient);
				UUID uuid = UUID.fromString(id.substring(id.indexOf("--") + 2));
				action.accept(row, pseudonymised
						? new Attribute(uuid, new MispType("text", "Other"),
								pseudonyms.pseudonym(recipient.organisation(), row.type(), value.value()), true)
						: new Attribute(uuid, mispType(row.type()), MispFormat.value(mispType(row.type()).type(), value.value()),
								false));
			}
			if (rows.size() < CHUNK) {
				return;
			}
			after = rows.get(rows.size() - 1).indicatorId();
		}
	}
}
