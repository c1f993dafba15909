package eu.eccp.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import eu.eccp.DemoTokens;
import eu.eccp.correlation.ObservedIndicator;
import eu.eccp.correlation.RecordSightings;
import eu.eccp.correlation.Sightings;
import eu.eccp.correlation.SourceRef;
import eu.eccp.organisations.Organisations;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Tlp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The TAXII 2.1 server serves exactly what an agreement allows: the sharing unit's indicators marked CLEAR, GREEN or
 * AMBER (never AMBER+STRICT or RED, never another organisation's), as STIX 2.1 objects that validate against the OASIS
 * schemas, personal values as keyed pseudonyms for private partners, nothing of a report's text; page by page with
 * {@code next} and {@code added_after}, in the TAXII media type with its headers; to the receiving partner only, and
 * every page it reads is audited.
 */
@SpringBootTest(properties = { "eccp.demo=true", "eccp.sharing.refresh-interval=1s",
		"eccp.data-dir=${java.io.tmpdir}/eccp-taxii-server-tests" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class TaxiiServerTests {

	static final String TAXII = "application/taxii+json;version=2.1";

	@Autowired
	MockMvc mvc;

	@Autowired
	Sightings sightings;

	@Autowired
	Organisations organisations;

	@Autowired
	JsonMapper json;

	final String s = UUID.randomUUID().toString().substring(0, 8);

	final String clearUrl = "https://clear-" + s + ".bad-site.net/login";
	final String amberUrl = "https://amber-" + s + ".bad-site.net/x";
	final String strictUrl = "https://strict-" + s + ".bad-site.net/";
	final String redUrl = "https://red-" + s + ".bad-site.net/";
	final String germanUrl = "https://german-" + s + ".bad-site.net/";
	final String email = "mule." + s + "@mail-provider.net";
	final String iban = "FR76300060000112345678" + Math.abs(s.hashCode() % 1000);
	final String phone = "+3361234" + Math.abs(s.hashCode() % 10000);

	String bank;
	String coordinator;

	@BeforeEach
	void sightingsOfTwoUnits() throws Exception {
		OrganisationId fr = organisations.findByShortName("fr-unit").orElseThrow().id();
		OrganisationId de = organisations.findByShortName("de-unit").orElseThrow().id();
		Instant at = Instant.parse("2026-03-01T10:00:00Z");
		sightings.record(List.of(
				record(fr, "FR", Tlp.CLEAR, at, ind("URL", clearUrl)),
				record(fr, "FR", Tlp.GREEN, at.plusSeconds(60), ind("EMAIL", email), ind("IBAN", iban), ind("PHONE", phone)),
				record(fr, "FR", Tlp.AMBER, at.plusSeconds(120), ind("URL", amberUrl), ind("URL", clearUrl)),
				record(fr, "FR", Tlp.AMBER_STRICT, at, ind("URL", strictUrl)),
				record(fr, "FR", Tlp.RED, at, ind("URL", redUrl)),
				record(de, "DE", Tlp.CLEAR, at, ind("URL", germanUrl), ind("URL", clearUrl))));
		bank = DemoTokens.token(mvc, "bank.partner");
		coordinator = DemoTokens.token(mvc, "europol.coordinator");
	}

	static RecordSightings record(OrganisationId owner, String country, Tlp tlp, Instant at, ObservedIndicator... indicators) {
		return new RecordSightings(new SourceRef(SourceRef.REPORT, UUID.randomUUID()), owner, new CountryCode(country), tlp,
				at, List.of(indicators));
	}

	static ObservedIndicator ind(String type, String value) {
		return new ObservedIndicator(type, value, null);
	}

	String agreement(String receiving, String extra) throws Exception {
		String body = mvc.perform(DemoTokens.bearer(post("/api/v1/sharing/agreements"), coordinator)
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"name":"FR unit to %s %s","sharingOrganisations":["fr-unit"],"receivingOrganisations":["%s"],
					 "indicatorTypes":["URL","EMAIL","IBAN"],"tlp":"AMBER","pap":"GREEN","attribution":"MUST_NOT",
					 "resharing":"MUST_NOT","retentionDays":90,"validFrom":"%s"%s}"""
				.formatted(receiving, s, receiving, LocalDate.now(), extra)))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return JsonPath.read(body, "$.id");
	}

	MockHttpServletResponse taxii(String token, String path) throws Exception {
		return mvc.perform(get(path).header("Authorization", "Bearer " + token).header("Accept", TAXII)).andReturn()
			.getResponse();
	}

	/** Pulls a whole collection page by page, checking each page's media type and headers. */
	List<JsonNode> pullAll(String token, String collection, int limit, String extraQuery) throws Exception {
		List<JsonNode> all = new ArrayList<>();
		String next = null;
		for (int pages = 0; pages < 10_000; pages++) {
			String path = "/taxii2/api/collections/" + collection + "/objects/?limit=" + limit + extraQuery
					+ (next == null ? "" : "&next=" + next);
			MockHttpServletResponse response = taxii(token, path);
			assertThat(response.getStatus()).as(path).isEqualTo(200);
			assertThat(response.getContentType()).isEqualTo(TAXII);
			JsonNode envelope = json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
			List<JsonNode> objects = new ArrayList<>();
			envelope.path("objects").forEach(objects::add);
			assertThat(objects.size()).isLessThanOrEqualTo(limit);
			if (!objects.isEmpty()) {
				assertThat(response.getHeader("X-TAXII-Date-Added-First")).isNotBlank();
				assertThat(response.getHeader("X-TAXII-Date-Added-Last")).isNotBlank();
			}
			all.addAll(objects);
			if (!envelope.path("more").asBoolean(false)) {
				assertThat(envelope.has("next")).isFalse();
				return all;
			}
			next = envelope.path("next").asString();
		}
		throw new AssertionError("no end of paging");
	}

	@Value("${eccp.data-dir}")
	java.nio.file.Path dataDir;

	String pseudonym(OrganisationId partner, String type, String value) throws Exception {
		byte[] secret = Base64.getDecoder().decode(java.nio.file.Files.readString(dataDir.resolve("sharing/pseudonym.key")).strip());
		byte[] partnerKey = hmac(secret, "eccp-pseudonym/1:" + partner.value());
		return java.util.HexFormat.of().formatHex(hmac(partnerKey, type + ":" + value));
	}

	static byte[] hmac(byte[] key, String text) throws Exception {
		javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
		mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
		return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
	}

	List<String> patterns(List<JsonNode> objects) {
		return objects.stream().filter(o -> o.path("type").asString().equals("indicator"))
			.map(o -> o.path("pattern").asString()).toList();
	}

	void awaitPattern(String token, String collection, String fragment) {
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
			.until(() -> patterns(pullAll(token, collection, 1000, "")).stream().anyMatch(p -> p.contains(fragment)));
	}

	@Test
	void servesOnlyWhatTheAgreementAllowsAsValidStix() throws Exception {
		String collection = agreement("bank", "");
		awaitPattern(bank, collection, amberUrl);
		List<JsonNode> objects = pullAll(bank, collection, 1000, "");
		String everything = objects.toString();

		for (JsonNode o : objects) {
			String type = o.path("type").asString();
			assertThat(StixSchemas.validate(type, o.toString())).as(type + " " + o).isEmpty();
		}
		assertThat(patterns(objects)).contains("[url:value = '" + clearUrl + "']", "[url:value = '" + amberUrl + "']");
		assertThat(everything).doesNotContain(strictUrl, redUrl, germanUrl, phone)
			.as("personal values reach a bank as pseudonyms only").doesNotContain(email, iban);
		// the documented scheme: HMAC-SHA-256 under the partner's key, itself HMAC-SHA-256 of the platform's secret
		OrganisationId bankId = organisations.findByShortName("bank").orElseThrow().id();
		assertThat(patterns(objects)).contains(
				"[eccp-pseudonym:value = '" + pseudonym(bankId, "EMAIL", email) + "' AND eccp-pseudonym:of_type = 'email-addr']",
				"[eccp-pseudonym:value = '" + pseudonym(bankId, "IBAN", iban) + "' AND eccp-pseudonym:of_type = 'bank-account']");
		Set<String> types = objects.stream().map(o -> o.path("type").asString()).collect(Collectors.toSet());
		assertThat(types).contains("indicator", "sighting", "identity", "marking-definition", "extension-definition");
		assertThat(objects).filteredOn(o -> o.path("type").asString().equals("marking-definition"))
			.extracting(o -> o.path("id").asString())
			.contains("marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
					"marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
					"marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421")
			.doesNotContain("marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
					"marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1");

		// the clear URL is carried by a CLEAR and an AMBER French record and a German one: the summary counts the
		// French records only, and the object carries the stricter marking
		JsonNode clearIndicator = objects.stream().filter(o -> o.path("pattern").asString().contains(clearUrl)).findFirst()
			.orElseThrow();
		JsonNode sighting = objects.stream()
			.filter(o -> o.path("sighting_of_ref").asString().equals(clearIndicator.path("id").asString())).findFirst()
			.orElseThrow();
		assertThat(sighting.path("count").asInt()).isEqualTo(2);
		assertThat(sighting.path("first_seen").asString()).isEqualTo("2026-03-01T10:00:00.000000Z");
		assertThat(sighting.path("last_seen").asString()).isEqualTo("2026-03-01T10:02:00.000000Z");
		assertThat(sighting.toString()).contains("\"countries\":[\"FR\"]");
		assertThat(clearIndicator.path("object_marking_refs").toString())
			.contains("marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421");
	}

	@Test
	void pagesThroughTheCollectionWithNextAndAddedAfter() throws Exception {
		String collection = agreement("bank", "");
		awaitPattern(bank, collection, amberUrl);
		List<JsonNode> whole = pullAll(bank, collection, 1000, "");
		List<JsonNode> paged = pullAll(bank, collection, 2, "");
		assertThat(paged.stream().map(o -> o.path("id").asString()).toList())
			.doesNotHaveDuplicates()
			.containsExactlyElementsOf(whole.stream().map(o -> o.path("id").asString()).toList());
		assertThat(pullAll(bank, collection, 1000, "").stream().map(o -> o.path("id").asString()).toList())
			.as("ids are stable across exports").containsExactlyElementsOf(whole.stream().map(o -> o.path("id").asString()).toList());

		MockHttpServletResponse last = taxii(bank, "/taxii2/api/collections/" + collection + "/objects/?limit=1000");
		String lastAdded = last.getHeader("X-TAXII-Date-Added-Last");
		assertThat(pullAll(bank, collection, 1000, "&added_after=" + lastAdded)).isEmpty();

		String later = "https://later-" + s + ".bad-site.net/";
		sightings.record(List.of(record(organisations.findByShortName("fr-unit").orElseThrow().id(), "FR", Tlp.GREEN,
				Instant.now(), ind("URL", later))));
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
			.until(() -> !pullAll(bank, collection, 1000, "&added_after=" + lastAdded).isEmpty());
		List<JsonNode> added = pullAll(bank, collection, 1000, "&added_after=" + lastAdded);
		assertThat(patterns(added)).containsExactly("[url:value = '" + later + "']");
		assertThat(added).extracting(o -> o.path("type").asString()).containsExactly("indicator", "sighting");

		List<JsonNode> onlySightings = pullAll(bank, collection, 3, "&match[type]=sighting");
		assertThat(onlySightings).isNotEmpty().allMatch(o -> o.path("type").asString().equals("sighting"));

		String manifest = taxii(bank, "/taxii2/api/collections/" + collection + "/manifest/?limit=1000")
			.getContentAsString();
		assertThat(JsonPath.<List<String>>read(manifest, "$.objects[*].id")).containsAll(
				pullAll(bank, collection, 1000, "").stream().map(o -> o.path("id").asString()).toList());
		assertThat(JsonPath.<List<String>>read(manifest, "$.objects[*].media_type")).containsOnly(
				"application/stix+json;version=2.1");

		String id = whole.stream().filter(o -> o.path("pattern").asString().contains(amberUrl)).findFirst().orElseThrow()
			.path("id").asString();
		String one = taxii(bank, "/taxii2/api/collections/" + collection + "/objects/" + id + "/").getContentAsString();
		assertThat(JsonPath.<List<String>>read(one, "$.objects[*].id")).containsExactly(id);
		String versions = taxii(bank, "/taxii2/api/collections/" + collection + "/objects/" + id + "/versions/")
			.getContentAsString();
		assertThat(JsonPath.<List<String>>read(versions, "$.versions")).hasSize(1);
	}

	@Test
	void pseudonymsDifferBetweenPartnersAndLawEnforcementGetsClearValues() throws Exception {
		String toBank = agreement("bank", "");
		String toIsp = agreement("isp", "");
		String toGermany = agreement("de-unit", "");
		String ibanInClear = agreement("hosting", """
				,"clearValueTypes":["IBAN"],"clearValuePurpose":"blocking mule accounts\"""");
		awaitPattern(bank, toBank, amberUrl);
		String isp = DemoTokens.token(mvc, "isp.partner");
		awaitPattern(isp, toIsp, amberUrl);
		Set<String> bankPseudonyms = new HashSet<>(patterns(pullAll(bank, toBank, 1000, "")));
		Set<String> ispPseudonyms = new HashSet<>(patterns(pullAll(isp, toIsp, 1000, "")));
		bankPseudonyms.removeIf(p -> !p.contains("eccp-pseudonym"));
		ispPseudonyms.removeIf(p -> !p.contains("eccp-pseudonym"));
		OrganisationId bankId = organisations.findByShortName("bank").orElseThrow().id();
		OrganisationId ispId = organisations.findByShortName("isp").orElseThrow().id();
		String forBank = pseudonym(bankId, "EMAIL", email);
		String forIsp = pseudonym(ispId, "EMAIL", email);
		assertThat(forBank).isNotEqualTo(forIsp);
		assertThat(bankPseudonyms).anyMatch(p -> p.contains(forBank)).noneMatch(p -> p.contains(forIsp))
			.doesNotContainAnyElementsOf(ispPseudonyms);
		assertThat(ispPseudonyms).anyMatch(p -> p.contains(forIsp));

		String german = DemoTokens.token(mvc, "de.analyst");
		awaitPattern(german, toGermany, email);
		assertThat(patterns(pullAll(german, toGermany, 1000, ""))).contains("[email-addr:value = '" + email + "']",
				"[bank-account:iban = '" + iban + "']");

		String hosting = DemoTokens.token(mvc, "hosting.partner");
		awaitPattern(hosting, ibanInClear, iban);
		String everything = pullAll(hosting, ibanInClear, 1000, "").toString();
		assertThat(everything).contains("blocking mule accounts").doesNotContain(email);
	}

	@Test
	void aPartnerOutsideTheAgreementGetsNothing() throws Exception {
		String collection = agreement("bank", "");
		awaitPattern(bank, collection, amberUrl);
		String isp = DemoTokens.token(mvc, "isp.partner");
		String collections = taxii(isp, "/taxii2/api/collections/").getContentAsString();
		assertThat(collections).doesNotContain(collection);
		assertThat(taxii(isp, "/taxii2/api/collections/" + collection + "/").getStatus()).isEqualTo(404);
		MockHttpServletResponse objects = taxii(isp, "/taxii2/api/collections/" + collection + "/objects/");
		assertThat(objects.getStatus()).isEqualTo(404);
		assertThat(objects.getContentType()).isEqualTo(TAXII);
		assertThat(objects.getContentAsString()).doesNotContain(clearUrl);
		assertThat(taxii(isp, "/taxii2/api/collections/" + collection + "/manifest/").getStatus()).isEqualTo(404);
		assertThat(taxii(bank, "/taxii2/api/collections/").getContentAsString()).contains(collection);
	}

	@Test
	void speaksTaxiiMediaTypesAndAuthentication() throws Exception {
		MockHttpServletResponse anonymous = mvc.perform(get("/taxii2/").header("Accept", TAXII)).andReturn().getResponse();
		assertThat(anonymous.getStatus()).isEqualTo(401);
		assertThat(anonymous.getHeader("WWW-Authenticate")).contains("Basic", "Bearer");
		assertThat(anonymous.getContentType()).isEqualTo(TAXII);
		assertThat(mvc.perform(get("/taxii2/").header("Authorization", "Bearer nonsense")).andReturn().getResponse()
			.getStatus()).isEqualTo(401);

		String basic = Base64.getEncoder().encodeToString(("bank:" + bank).getBytes(StandardCharsets.UTF_8));
		MockHttpServletResponse discovery = mvc.perform(get("/taxii2/").header("Authorization", "Basic " + basic)
			.header("Accept", TAXII)).andReturn().getResponse();
		assertThat(discovery.getStatus()).isEqualTo(200);
		assertThat(discovery.getContentType()).isEqualTo(TAXII);
		assertThat(JsonPath.<String>read(discovery.getContentAsString(), "$.default")).endsWith("/taxii2/api/");

		String root = taxii(bank, "/taxii2/api/").getContentAsString();
		assertThat(JsonPath.<List<String>>read(root, "$.versions")).containsExactly(TAXII);
		assertThat(mvc.perform(get("/taxii2/api/").header("Authorization", "Bearer " + bank)
			.header("Accept", "application/json")).andReturn().getResponse().getStatus()).isEqualTo(406);
		assertThat(mvc.perform(get("/taxii2/api/").header("Authorization", "Bearer " + bank)
			.header("Accept", "application/taxii+json;version=2.0")).andReturn().getResponse().getStatus()).isEqualTo(406);
		String collection = agreement("bank", "");
		assertThat(taxii(bank, "/taxii2/api/collections/" + collection + "/objects/?added_after=yesterday").getStatus())
			.isEqualTo(400);
		assertThat(taxii(bank, "/taxii2/api/collections/" + collection + "/objects/?next=garbage").getStatus())
			.isEqualTo(400);
		assertThat(taxii(bank, "/taxii2/api/collections/" + collection + "/objects/?limit=0").getStatus()).isEqualTo(400);
		String info = taxii(bank, "/taxii2/api/collections/" + collection + "/").getContentAsString();
		assertThat(JsonPath.<Boolean>read(info, "$.can_read")).isTrue();
		assertThat(JsonPath.<List<String>>read(info, "$.media_types")).containsExactly("application/stix+json;version=2.1");
	}

	@Test
	void everyPageAPartnerReadsIsAudited() throws Exception {
		String collection = agreement("bank", "");
		awaitPattern(bank, collection, amberUrl);
		String dpo = DemoTokens.token(mvc, "dpo");
		String entries = mvc.perform(DemoTokens.bearer(get("/api/v1/audit/entries"), dpo).param("action", "sharing.disclosed")
			.param("objectId", collection).param("size", "500")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		List<Map<String, Object>> items = JsonPath.read(entries, "$.items");
		assertThat(items).isNotEmpty();
		assertThat(items).allSatisfy(e -> assertThat(e.toString()).contains("bank.partner", "channel=taxii", "objects="));
	}

	/**
	 * MISP's describeTypes ({@code category_type_mappings}): the categories each attribute type ECCP writes may have,
	 * for the types of this test's collection.
	 */
	static final Map<String, Set<String>> MISP_CATEGORIES = Map.of(
			"url", Set.of("Payload delivery", "Network activity", "External analysis"),
			"domain", Set.of("Payload delivery", "Network activity", "External analysis"),
			"ip-dst", Set.of("Payload delivery", "Network activity", "External analysis"),
			"email-src", Set.of("Payload delivery", "Network activity", "Social network"),
			"iban", Set.of("Financial fraud"),
			"text", Set.of("Other", "Financial fraud", "Person", "Network activity", "Payload delivery", "Internal reference"));

	@Test
	void servesAMispFeedThatFollowsMispsFormat() throws Exception {
		String collection = agreement("bank", "");
		awaitPattern(bank, collection, amberUrl);
		String base = "/feeds/misp/" + collection + "/";
		JsonNode manifest = json.readTree(mvc.perform(DemoTokens.bearer(get(base + "manifest.json"), bank))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(manifest.propertyNames()).isNotEmpty();
		List<String> expectedHashes = new ArrayList<>();
		List<String> values = new ArrayList<>();
		Set<String> sightingUuids = new HashSet<>();
		for (String uuid : manifest.propertyNames()) {
			JsonNode header = manifest.path(uuid);
			UUID.fromString(uuid);
			assertThat(header.path("info").asString()).isNotBlank();
			assertThat(header.path("Orgc").path("name").asString()).isNotBlank();
			UUID.fromString(header.path("Orgc").path("uuid").asString());
			assertThat(header.path("timestamp").isNumber()).isTrue();
			assertThat(header.path("date").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
			assertThat(header.path("Tag").toString()).containsPattern("tlp:(clear|green|amber)").contains("PAP:GREEN");
			JsonNode event = json.readTree(mvc.perform(DemoTokens.bearer(get(base + uuid + ".json"), bank))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).path("Event");
			assertThat(event.path("uuid").asString()).isEqualTo(uuid);
			assertThat(event.path("info").asString()).isEqualTo(header.path("info").asString());
			assertThat(event.path("timestamp").asString()).isEqualTo(header.path("timestamp").asString());
			for (JsonNode a : event.path("Attribute")) {
				String attributeUuid = a.path("uuid").asString();
				UUID.fromString(attributeUuid);
				String type = a.path("type").asString();
				assertThat(MISP_CATEGORIES).containsKey(type);
				assertThat(MISP_CATEGORIES.get(type)).contains(a.path("category").asString());
				assertThat(a.path("to_ids").isBoolean()).isTrue();
				String value = a.path("value").asString();
				values.add(value);
				// MISP's rule (Feed::__cacheMISPFeedEvents): md5 of the value, of both halves of a composite value
				for (String part : type.contains("|") ? List.of(value.split("\\|", 2)) : List.of(value)) {
					expectedHashes.add(md5(part) + "," + uuid);
				}
				// the sightings summary as MISP sightings, which MISP imports with the attribute: first and last seen
				Set<Long> seen = new HashSet<>(List.of(Instant.parse(a.path("first_seen").asString()).getEpochSecond(),
						Instant.parse(a.path("last_seen").asString()).getEpochSecond()));
				Set<Long> sightingTimes = new HashSet<>();
				for (JsonNode sighting : a.path("Sighting")) {
					assertThat(sighting.path("attribute_uuid").asString()).isEqualTo(attributeUuid);
					assertThat(sighting.path("type").asString()).isEqualTo("0");
					assertThat(sighting.path("date_sighting").asString()).matches("\\d+");
					sightingTimes.add(Long.parseLong(sighting.path("date_sighting").asString()));
					UUID.fromString(sighting.path("Organisation").path("uuid").asString());
					assertThat(sightingUuids.add(sighting.path("uuid").asString())).as("sighting uuids are unique").isTrue();
				}
				assertThat(sightingTimes).isEqualTo(seen);
			}
		}
		assertThat(values).contains(clearUrl, amberUrl).doesNotContain(email, iban, redUrl, strictUrl, germanUrl, phone);
		String hashes = mvc.perform(DemoTokens.bearer(get(base + "hashes.csv"), bank)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		hashes.lines().forEach(line -> assertThat(line).matches("[0-9a-f]{32},[0-9a-f-]{36}"));
		assertThat(hashes.lines().toList()).containsExactlyInAnyOrderElementsOf(expectedHashes);
		Set<String> uuidsAgain = new HashSet<>();
		for (String uuid : manifest.propertyNames()) {
			json.readTree(mvc.perform(DemoTokens.bearer(get(base + uuid + ".json"), bank)).andReturn().getResponse()
				.getContentAsString()).findValues("Sighting").forEach(list -> list.forEach(x -> uuidsAgain.add(x.path("uuid").asString())));
		}
		assertThat(uuidsAgain).as("a second pull gives the same sightings, which MISP then skips").isEqualTo(sightingUuids);
		String isp = DemoTokens.token(mvc, "isp.partner");
		assertThat(mvc.perform(DemoTokens.bearer(get(base + "manifest.json"), isp)).andReturn().getResponse().getStatus())
			.isEqualTo(404);
	}

	@Test
	void thePublicCollectionIsNotServedUnlessTheOperatorEnablesIt() throws Exception {
		for (String path : List.of("/taxii2/public/", "/taxii2/public/collections/")) {
			MockHttpServletResponse response = mvc.perform(get(path).header("Accept", TAXII)).andReturn().getResponse();
			assertThat(response.getStatus()).as(path).isEqualTo(404);
			assertThat(response.getContentType()).isEqualTo(TAXII);
		}
		assertThat(taxii(bank, "/taxii2/").getContentAsString()).doesNotContain("/taxii2/public/");
		MockHttpServletResponse discovery = mvc.perform(get("/taxii2/").header("Accept", TAXII)).andReturn().getResponse();
		assertThat(discovery.getStatus()).as("no anonymous discovery without the public collection").isEqualTo(401);
		assertThat(discovery.getHeader("WWW-Authenticate")).contains("Basic", "Bearer");
	}

	org.springframework.mock.web.MockHttpSession loggedIn(String username) throws Exception {
		return (org.springframework.mock.web.MockHttpSession) mvc.perform(
				org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin("/login")
					.user(username).password("demo"))
			.andReturn().getRequest().getSession(false);
	}

	@Test
	void coordinatorsMakeAgreementsOnThePageAndPartnersSeeTheirs() throws Exception {
		var coordinatorSession = loggedIn("europol.coordinator");
		String page = mvc.perform(get("/sharing").session(coordinatorSession)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(page).contains("New agreement", "name=\"receivingOrganisations\"");
		String refused = mvc.perform(post("/sharing").session(coordinatorSession)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("name", "Page agreement " + s).param("sharingOrganisations", "fr-unit").param("receivingOrganisations", "bank")
			.param("indicatorTypes", "URL").param("tlp", "RED")).andExpect(status().isUnprocessableContent()).andReturn()
			.getResponse().getContentAsString();
		assertThat(refused).contains("TLP:AMBER+STRICT and TLP:RED never leave their owner.");
		mvc.perform(post("/sharing").session(coordinatorSession)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("name", "Page agreement " + s).param("sharingOrganisations", "fr-unit").param("receivingOrganisations", "bank")
			.param("indicatorTypes", "URL", "EMAIL").param("tlp", "GREEN").param("pap", "AMBER")
			.param("permittedActions", "CONTACT_FOR_INSTRUCTION").param("retentionDays", "30"))
			.andExpect(status().is3xxRedirection());
		String bankPage = mvc.perform(get("/sharing").session(loggedIn("bank.partner"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(bankPage).contains("Page agreement " + s, "PAP:AMBER", "Contact the provider before acting",
				"kept at most 30 days").doesNotContain("name=\"receivingOrganisations\"");
		String ispPage = mvc.perform(get("/sharing").session(loggedIn("isp.partner"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(ispPage).doesNotContain("Page agreement " + s);
		String api = mvc.perform(DemoTokens.bearer(get("/api/v1/sharing/agreements"), DemoTokens.token(mvc, "isp.partner")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(api).doesNotContain("Page agreement " + s);
		mvc.perform(DemoTokens.bearer(post("/api/v1/sharing/agreements"), bank).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"x\"}")).andExpect(status().isForbidden());
	}

	@Test
	void exportsTheCollectionAsCsvForPartnersWithoutTaxii() throws Exception {
		String collection = agreement("bank", "");
		awaitPattern(bank, collection, amberUrl);
		MockHttpServletResponse response = mvc.perform(DemoTokens.bearer(get("/feeds/csv/" + collection + ".csv"), bank))
			.andExpect(status().isOk()).andReturn().getResponse();
		assertThat(response.getContentType()).startsWith("text/csv");
		List<String> lines = response.getContentAsString(StandardCharsets.UTF_8).lines().toList();
		assertThat(lines.get(0)).isEqualTo("stix_id,type,value,pseudonymised,tlp,first_seen,last_seen,records,countries");
		assertThat(lines).anyMatch(l -> l.contains(",URL," + amberUrl + ",false,TLP:AMBER,"))
			.anyMatch(l -> l.contains(",EMAIL,") && l.contains(",true,"));
		assertThat(String.join("\n", lines)).doesNotContain(email, iban, redUrl, strictUrl, germanUrl);
		assertThat(mvc.perform(DemoTokens.bearer(get("/feeds/csv/" + collection + ".csv"), DemoTokens.token(mvc, "isp.partner")))
			.andReturn().getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void aWritableCollectionTakesThePartnersObjectsAndAnswersWithAStatus() throws Exception {
		String writable = agreement("bank", ",\"writable\":true");
		String readOnly = agreement("bank", "");
		String good = "https://partner-" + s + ".bad-site.net/";
		String envelope = """
				{"objects":[
				 {"type":"indicator","spec_version":"2.1","id":"indicator--%s","created":"2026-02-01T00:00:00.000Z",
				  "modified":"2026-02-01T00:00:00.000Z","pattern":"[url:value = '%s']","pattern_type":"stix",
				  "valid_from":"2026-02-01T00:00:00Z"},
				 {"type":"indicator","spec_version":"2.1","id":"indicator--%s","pattern":"[url:value = 'not a url']",
				  "pattern_type":"stix","valid_from":"2026-02-01T00:00:00Z"}]}""".formatted(UUID.randomUUID(), good,
				UUID.randomUUID());
		assertThat(JsonPath.<Boolean>read(taxii(bank, "/taxii2/api/collections/" + writable + "/").getContentAsString(),
				"$.can_write")).isTrue();
		MockHttpServletResponse added = mvc.perform(post("/taxii2/api/collections/" + writable + "/objects/")
			.header("Authorization", "Bearer " + bank).header("Accept", TAXII).contentType(TAXII).content(envelope))
			.andReturn().getResponse();
		assertThat(added.getStatus()).isEqualTo(202);
		assertThat(added.getContentType()).isEqualTo(TAXII);
		String status = added.getContentAsString();
		assertThat(JsonPath.<String>read(status, "$.status")).isEqualTo("complete");
		assertThat(JsonPath.<Integer>read(status, "$.total_count")).isEqualTo(2);
		assertThat(JsonPath.<Integer>read(status, "$.success_count")).isEqualTo(1);
		assertThat(JsonPath.<Integer>read(status, "$.failure_count")).isEqualTo(1);
		assertThat(JsonPath.<List<String>>read(status, "$.failures[*].message")).containsExactly("invalid-value");
		String statusId = JsonPath.read(status, "$.id");
		assertThat(taxii(bank, "/taxii2/api/status/" + statusId + "/").getContentAsString()).isEqualTo(status);
		assertThat(taxii(DemoTokens.token(mvc, "isp.partner"), "/taxii2/api/status/" + statusId + "/").getStatus())
			.isEqualTo(404);
		assertThat(mvc.perform(post("/taxii2/api/collections/" + readOnly + "/objects/").header("Authorization", "Bearer " + bank)
			.contentType(TAXII).content(envelope)).andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(mvc.perform(post("/taxii2/api/collections/" + writable + "/objects/").header("Authorization", "Bearer " + bank)
			.contentType(MediaType.APPLICATION_JSON).content(envelope)).andReturn().getResponse().getStatus()).isEqualTo(415);
	}

	static String md5(String value) throws Exception {
		return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
			.digest(value.getBytes(StandardCharsets.UTF_8)));
	}
}
