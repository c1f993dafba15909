package eu.eccp.sharing.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import eu.eccp.correlation.SharedIndicators;
import eu.eccp.organisations.OrganisationView;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Tlp;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the STIX 2.1 objects of a collection for one recipient: the platform's identity, the TLP 2.0 marking
 * definitions with their official ids, the agreement's PAP and IEP statements as markings, ECCP's extension definition
 * (new observable types for IBANs, phone numbers, crypto wallets and pseudonyms, and ECCP's properties), and for each
 * indicator an {@code indicator} with a STIX pattern and a {@code sighting} with its summary. Never anything of a
 * record: no text, reporter, victim or contact details.
 */
@org.springframework.stereotype.Component
public final class StixObjects {

	/** ECCP's published extension definition (a fixed id: {@code /taxii2/extension} describes it). */
	public static final String EXTENSION_ID = "extension-definition--2f9b1c0e-8d6a-5e3f-9b7c-4a1d6e8f0c21";

	/** The STIX 2.1 TLP 2.0 marking extension, under which the official TLP 2.0 marking definitions are published. */
	static final String TLP2_EXTENSION = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

	static final Map<Tlp, String> TLP_IDS = Map.of(
			Tlp.CLEAR, "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
			Tlp.GREEN, "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
			Tlp.AMBER, "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
			Tlp.AMBER_STRICT, "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
			Tlp.RED, "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1");

	static final String PLATFORM_IDENTITY = "identity--" + StixIds.v5("identity|platform");

	/** When ECCP's own definitions (identity, extension) were first published. */
	static final Instant PUBLISHED = Instant.parse("2026-01-01T00:00:00Z");

	private final JsonMapper json;
	private final PseudonymKeys pseudonyms;

	StixObjects(JsonMapper json, PseudonymKeys pseudonyms) {
		this.json = json;
		this.pseudonyms = pseudonyms;
	}

	/** Who receives: their organisation, and whether it is a public authority (which gets personal values in clear). */
	public record Recipient(OrganisationId organisation, boolean publicAuthority) {
	}

	ObjectNode platformIdentity() {
		ObjectNode o = base("identity", PLATFORM_IDENTITY, PUBLISHED, PUBLISHED);
		o.put("name", "ECCP - European Cyber Crime Platform");
		o.put("identity_class", "organization");
		return o;
	}

	/** The identity of a sharing organisation: its name, or a pseudonym keyed for the recipient. */
	ObjectNode sourceIdentity(Agreement agreement, OrganisationView source, Recipient recipient) {
		String id = sourceIdentityId(agreement, source.id(), recipient);
		ObjectNode o = base("identity", id, agreement.createdAt(), agreement.createdAt());
		if (agreement.pseudonymousSources()) {
			o.put("name", "ECCP source " + id.substring("identity--".length(), "identity--".length() + 8));
			o.put("identity_class", "organization");
		}
		else {
			o.put("name", source.name());
			o.put("identity_class", "organization");
		}
		o.put("created_by_ref", PLATFORM_IDENTITY);
		return o;
	}

	String sourceIdentityId(Agreement agreement, OrganisationId source, Recipient recipient) {
		UUID uuid = agreement.pseudonymousSources()
				? pseudonyms.keyedUuid(recipient.organisation(), "identity|" + agreement.id() + "|" + source.value())
				: StixIds.v5("identity|" + source.value());
		return "identity--" + uuid;
	}

	static ObjectNode tlpMarking(JsonMapper json, Tlp tlp) {
		ObjectNode o = json.createObjectNode();
		o.put("type", "marking-definition");
		o.put("spec_version", "2.1");
		o.put("id", TLP_IDS.get(tlp));
		o.put("created", "2022-10-01T00:00:00.000Z");
		o.put("name", tlp.label());
		ObjectNode ext = o.putObject("extensions").putObject(TLP2_EXTENSION);
		ext.put("extension_type", "property-extension");
		ext.put("tlp_2_0", tlp.name().toLowerCase(java.util.Locale.ROOT).replace('_', '+'));
		return o;
	}

	ObjectNode tlpMarking(Tlp tlp) {
		return tlpMarking(json, tlp);
	}

	static String papMarkingId(Pap pap) {
		return "marking-definition--" + StixIds.v5("pap|" + pap.name());
	}

	ObjectNode papMarking(Pap pap) {
		ObjectNode o = json.createObjectNode();
		o.put("type", "marking-definition");
		o.put("spec_version", "2.1");
		o.put("id", papMarkingId(pap));
		o.put("created", StixTime.format(PUBLISHED));
		o.put("created_by_ref", PLATFORM_IDENTITY);
		o.put("name", pap.label());
		o.put("definition_type", "statement");
		o.putObject("definition").put("statement", pap.label());
		return o;
	}

	static String agreementMarkingId(Agreement agreement) {
		return "marking-definition--" + StixIds.v5("agreement|" + agreement.id());
	}

	/** The agreement's handling rules (IEP 2.0 statements) as a statement marking on every object shared under it. */
	ObjectNode agreementMarking(Agreement agreement) {
		ObjectNode o = json.createObjectNode();
		o.put("type", "marking-definition");
		o.put("spec_version", "2.1");
		o.put("id", agreementMarkingId(agreement));
		o.put("created", StixTime.format(agreement.createdAt()));
		o.put("created_by_ref", PLATFORM_IDENTITY);
		o.put("name", "ECCP sharing agreement " + agreement.name());
		o.put("definition_type", "statement");
		o.putObject("definition").put("statement", agreement.iep().statement() + "; TLP ceiling "
				+ agreement.tlpCeiling().label() + "; " + agreement.pap().label()
				+ (agreement.clearValuePurpose() != null ? "; clear values for: " + agreement.clearValuePurpose() : ""));
		return o;
	}

	/** ECCP's extension definition: new SCO types and ECCP's properties on indicators and sightings. */
	ObjectNode extensionDefinition() {
		ObjectNode o = base("extension-definition", EXTENSION_ID, PUBLISHED, PUBLISHED);
		o.put("created_by_ref", PLATFORM_IDENTITY);
		o.put("name", "ECCP indicators");
		o.put("description", "Observable types STIX 2.1 lacks, used in ECCP's patterns: bank-account (iban, bic), "
				+ "phone-number (value, E.164), cryptocurrency-wallet (value, currency), eccp-pseudonym (value: 64 hex "
				+ "digits, a keyed HMAC-SHA-256 of the canonical value, the same for one recipient in every export; "
				+ "of_type: the STIX type it stands for). Property extension on indicators: eccp_type (ECCP's indicator "
				+ "type), pseudonymised; on sightings: countries (ISO 3166-1 alpha-2 of the records' countries).");
		o.put("schema", "/taxii2/extension");
		o.put("version", "1.0.0");
		ArrayNode types = o.putArray("extension_types");
		types.add("new-sco");
		types.add("property-extension");
		return o;
	}

	/** The STIX id of an indicator row for a recipient (keyed when its value reaches them as a pseudonym). */
	String indicatorId(Agreement agreement, CollectionRow row, Recipient recipient) {
		return "indicator--" + (agreement.pseudonymisedFor(row.type(), recipient.publicAuthority())
				? pseudonyms.keyedUuid(recipient.organisation(), "indicator|" + row.stixUuid())
				: row.stixUuid());
	}

	String sightingId(Agreement agreement, CollectionRow row, Recipient recipient) {
		return "sighting--" + (agreement.pseudonymisedFor(row.type(), recipient.publicAuthority())
				? pseudonyms.keyedUuid(recipient.organisation(), "sighting|" + row.sightingUuid())
				: row.sightingUuid());
	}

	List<String> markings(Agreement agreement, Tlp tlp) {
		return List.of(TLP_IDS.get(tlp), papMarkingId(agreement.pap()), agreementMarkingId(agreement));
	}

	ObjectNode indicator(Agreement agreement, CollectionRow row, SharedIndicators.Value value, Recipient recipient) {
		boolean pseudonymised = agreement.pseudonymisedFor(row.type(), recipient.publicAuthority());
		ObjectNode o = base("indicator", indicatorId(agreement, row, recipient), row.created(), row.modified());
		o.put("created_by_ref", PLATFORM_IDENTITY);
		String stixType = StixPatterns.observableType(row.type());
		if (pseudonymised) {
			String pseudonym = pseudonyms.pseudonym(recipient.organisation(), row.type(), value.value());
			o.put("name", "Pseudonymised " + stixType);
			o.put("pattern", StixPatterns.pseudonym(pseudonym, stixType));
		}
		else {
			o.put("name", stixType + " " + value.value());
			o.put("pattern", StixPatterns.of(row.type(), value.value()));
		}
		o.putArray("indicator_types").add("malicious-activity");
		o.put("pattern_type", "stix");
		o.put("pattern_version", "2.1");
		o.put("valid_from", StixTime.format(row.firstSeen()));
		if (row.revoked()) {
			o.put("revoked", true);
		}
		markings(o, agreement, row.tlp());
		ObjectNode ext = o.putObject("extensions").putObject(EXTENSION_ID);
		ext.put("extension_type", "property-extension");
		ext.put("eccp_type", row.type());
		ext.put("pseudonymised", pseudonymised);
		return o;
	}

	ObjectNode sighting(Agreement agreement, CollectionRow row, Recipient recipient, @Nullable String soleSourceId) {
		ObjectNode o = base("sighting", sightingId(agreement, row, recipient), row.created(), row.modified());
		o.put("created_by_ref", PLATFORM_IDENTITY);
		o.put("sighting_of_ref", indicatorId(agreement, row, recipient));
		o.put("first_seen", StixTime.format(row.firstSeen()));
		o.put("last_seen", StixTime.format(row.lastSeen()));
		o.put("count", Math.min(row.records(), 999_999_999));
		if (soleSourceId != null) {
			o.putArray("where_sighted_refs").add(soleSourceId);
		}
		if (row.revoked()) {
			o.put("revoked", true);
		}
		markings(o, agreement, row.tlp());
		ObjectNode ext = o.putObject("extensions").putObject(EXTENSION_ID);
		ext.put("extension_type", "property-extension");
		ArrayNode countries = ext.putArray("countries");
		row.countries().forEach(countries::add);
		return o;
	}

	private void markings(ObjectNode o, Agreement agreement, Tlp tlp) {
		ArrayNode refs = o.putArray("object_marking_refs");
		markings(agreement, tlp).forEach(refs::add);
	}

	private ObjectNode base(String type, String id, Instant created, Instant modified) {
		ObjectNode o = json.createObjectNode();
		o.put("type", type);
		o.put("spec_version", "2.1");
		o.put("id", id);
		o.put("created", StixTime.format(created));
		o.put("modified", StixTime.format(modified.isBefore(created) ? created : modified));
		return o;
	}

	/** For the static objects: all of them, in the order a collection serves them. */
	List<ObjectNode> definitions(Agreement agreement, List<OrganisationView> sources, Recipient recipient) {
		List<ObjectNode> list = new ArrayList<>();
		list.add(platformIdentity());
		list.add(extensionDefinition());
		for (Tlp tlp : List.of(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER)) {
			if (tlp.ordinal() >= agreement.tlpCeiling().ordinal()) {
				list.add(tlpMarking(tlp));
			}
		}
		list.add(papMarking(agreement.pap()));
		list.add(agreementMarking(agreement));
		if (sources.size() == 1) {
			list.add(sourceIdentity(agreement, sources.get(0), recipient));
		}
		return list;
	}
}
