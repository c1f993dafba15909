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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import eu.eccp.DemoTokens;
import eu.eccp.correlation.ObservedIndicator;
import eu.eccp.correlation.RecordSightings;
import eu.eccp.correlation.Sightings;
import eu.eccp.correlation.SourceRef;
import eu.eccp.organisations.Organisations;
import eu.eccp.sharing.internal.CollectionRefreshTestAccess;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Tlp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public TLP:CLEAR collection serves, without an account, only the TLP:CLEAR indicators of types that are not
 * personal data of the agreements that publish there; collection objects keep their versions, served per TAXII 2.1
 * ({@code match[version]} all, first, last or a timestamp, and the versions endpoint).
 */
@SpringBootTest(properties = { "eccp.demo=true", "eccp.sharing.refresh-interval=1s", "eccp.sharing.public-collection=true",
		"eccp.data-dir=${java.io.tmpdir}/eccp-public-collection-tests" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PublicCollectionAndVersionsTests {

	static final String TAXII = "application/taxii+json;version=2.1";

	@Autowired
	MockMvc mvc;

	@Autowired
	Sightings sightings;

	@Autowired
	Organisations organisations;

	@Autowired
	JsonMapper json;

	@Autowired
	org.springframework.context.ApplicationContext context;

	final String s = UUID.randomUUID().toString().substring(0, 8);

	static RecordSightings record(OrganisationId owner, Tlp tlp, Instant at, ObservedIndicator... indicators) {
		return new RecordSightings(new SourceRef(SourceRef.REPORT, UUID.randomUUID()), owner, new CountryCode("FR"), tlp, at,
				List.of(indicators));
	}

	static ObservedIndicator ind(String type, String value) {
		return new ObservedIndicator(type, value, null);
	}

	String agreement(String sharing, String receiving, boolean publicClear) throws Exception {
		String coordinator = DemoTokens.token(mvc, "europol.coordinator");
		return JsonPath.read(mvc.perform(DemoTokens.bearer(post("/api/v1/sharing/agreements"), coordinator)
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"name":"%s to %s %s","sharingOrganisations":["%s"],"receivingOrganisations":["%s"],
					 "indicatorTypes":["URL","EMAIL","DOMAIN"],"tlp":"AMBER","validFrom":"%s","publicClear":%s}"""
				.formatted(sharing, receiving, s, sharing, receiving, LocalDate.now(), publicClear)))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
	}

	MockHttpServletResponse anonymous(String path) throws Exception {
		return mvc.perform(get(path).header("Accept", TAXII)).andReturn().getResponse();
	}

	MockHttpServletResponse taxii(String token, String path) throws Exception {
		MockHttpServletRequestBuilder request = get(path).header("Accept", TAXII).header("Authorization", "Bearer " + token);
		return mvc.perform(request).andReturn().getResponse();
	}

	List<JsonNode> objects(MockHttpServletResponse response) throws Exception {
		assertThat(response.getStatus()).isEqualTo(200);
		List<JsonNode> objects = new ArrayList<>();
		json.readTree(response.getContentAsString(StandardCharsets.UTF_8)).path("objects").forEach(objects::add);
		return objects;
	}

	/** Reads the public collection page by page, without an account. */
	List<JsonNode> publicPull(String collection) throws Exception {
		List<JsonNode> all = new ArrayList<>();
		String next = null;
		for (int page = 0; page < 1000; page++) {
			MockHttpServletResponse response = anonymous("/taxii2/public/collections/" + collection + "/objects/?limit=50"
					+ (next == null ? "" : "&next=" + next));
			JsonNode envelope = json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
			all.addAll(objects(response));
			if (!envelope.path("more").asBoolean(false)) {
				return all;
			}
			next = envelope.path("next").asString();
		}
		throw new AssertionError("no end of paging");
	}

	@Test
	void thePublicCollectionServesOnlyClearNonPersonalIndicatorsOfPublishingAgreementsWithoutAnAccount() throws Exception {
		OrganisationId fr = organisations.findByShortName("fr-unit").orElseThrow().id();
		OrganisationId de = organisations.findByShortName("de-unit").orElseThrow().id();
		String clearUrl = "https://public-" + s + ".bad-site.net/a";
		String greenUrl = "https://green-" + s + ".bad-site.net/a";
		String email = "public." + s + "@mail-provider.net";
		String unpublished = "https://unpublished-" + s + ".bad-site.net/a";
		Instant at = Instant.parse("2026-03-01T10:00:00Z");
		sightings.record(List.of(record(fr, Tlp.CLEAR, at, ind("URL", clearUrl), ind("EMAIL", email)),
				record(fr, Tlp.GREEN, at, ind("URL", greenUrl)), record(de, Tlp.CLEAR, at, ind("URL", unpublished))));
		String publishing = agreement("fr-unit", "bank", true);
		agreement("de-unit", "bank", false);

		MockHttpServletResponse listed = anonymous("/taxii2/public/collections/");
		assertThat(listed.getStatus()).isEqualTo(200);
		assertThat(listed.getContentType()).isEqualTo(TAXII);
		String collection = JsonPath.read(listed.getContentAsString(), "$.collections[0].id");
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
			.until(() -> publicPull(collection).toString().contains(clearUrl));
		List<JsonNode> served = publicPull(collection);

		assertThat(served.toString()).doesNotContain(greenUrl, email, unpublished, "fr-unit");
		assertThat(served).as("no personal data, not even as pseudonyms")
			.noneMatch(o -> o.path("pattern").asString().contains("eccp-pseudonym"));
		for (JsonNode o : served) {
			assertThat(StixSchemas.validate(o.path("type").asString(), o.toString())).as(o.toString()).isEmpty();
			if (o.path("type").asString().equals("indicator") || o.path("type").asString().equals("sighting")) {
				assertThat(o.path("object_marking_refs").toString()).contains("marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487");
			}
		}
		assertThat(served.stream().filter(o -> o.path("type").asString().equals("identity")).count())
			.as("only the platform is named").isEqualTo(1);
		assertThat(anonymous("/taxii2/api/collections/").getStatus()).as("the other API root needs an account")
			.isEqualTo(401);
		String discovery = taxii(DemoTokens.token(mvc, "bank.partner"), "/taxii2/").getContentAsString();
		assertThat(discovery).contains("/taxii2/public/");

		String id = served.stream().filter(o -> o.path("pattern").asString().contains(clearUrl)).findFirst().orElseThrow()
			.path("id").asString();
		mvc.perform(DemoTokens.bearer(post("/api/v1/sharing/agreements/" + publishing + "/end"),
				DemoTokens.token(mvc, "europol.coordinator"))).andExpect(status().isOk());
		String object = "/taxii2/public/collections/" + collection + "/objects/" + id + "/";
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
			.until(() -> objects(anonymous(object)).get(0).path("revoked").asBoolean(false));
		assertThat(objects(anonymous(object + "?match[version]=all"))).as("a revoked object shows its revoked version only")
			.singleElement().satisfies(o -> assertThat(o.path("revoked").asBoolean()).isTrue());
		assertThat(JsonPath.<List<String>>read(anonymous(object + "versions/").getContentAsString(), "$.versions"))
			.hasSize(1);
	}

	@Test
	void aTaxiiClientWithoutAnAccountDiscoversThePublicRootAndReadsNothingElse() throws Exception {
		MockHttpServletResponse discovery = anonymous("/taxii2/");
		assertThat(discovery.getStatus()).isEqualTo(200);
		assertThat(discovery.getContentType()).isEqualTo(TAXII);
		String body = discovery.getContentAsString();
		assertThat(JsonPath.<String>read(body, "$.default")).endsWith("/taxii2/public/");
		assertThat(JsonPath.<List<String>>read(body, "$.api_roots")).as("only the root it can read")
			.singleElement().satisfies(root -> assertThat(root).endsWith("/taxii2/public/"));
		assertThat(mvc.perform(get("/taxii2/").header("Accept", "application/json")).andReturn().getResponse().getStatus())
			.as("TAXII media type only").isEqualTo(406);

		MockHttpServletResponse root = anonymous("/taxii2/public/");
		assertThat(root.getStatus()).isEqualTo(200);
		assertThat(root.getContentType()).isEqualTo(TAXII);
		assertThat(JsonPath.<List<String>>read(root.getContentAsString(), "$.versions")).containsExactly(TAXII);
		String collection = JsonPath.read(anonymous("/taxii2/public/collections/").getContentAsString(), "$.collections[0].id");
		MockHttpServletResponse info = anonymous("/taxii2/public/collections/" + collection + "/");
		assertThat(info.getContentType()).isEqualTo(TAXII);
		assertThat(JsonPath.<Boolean>read(info.getContentAsString(), "$.can_read")).isTrue();
		assertThat(JsonPath.<Boolean>read(info.getContentAsString(), "$.can_write")).isFalse();
		MockHttpServletResponse write = mvc.perform(post("/taxii2/public/collections/" + collection + "/objects/")
			.header("Accept", TAXII).contentType(TAXII).content("{\"objects\":[]}")).andReturn().getResponse();
		assertThat(write.getStatus()).as("the public collection is read-only").isEqualTo(403);
		assertThat(write.getContentType()).isEqualTo(TAXII);

		for (String path : List.of("/taxii2/api/", "/taxii2/api/collections/",
				"/taxii2/api/collections/" + UUID.randomUUID() + "/objects/", "/feeds/misp/" + UUID.randomUUID() + "/manifest.json")) {
			MockHttpServletResponse refused = anonymous(path);
			assertThat(refused.getStatus()).as(path).isEqualTo(401);
			assertThat(refused.getHeader("WWW-Authenticate")).as(path).contains("Basic", "Bearer");
			assertThat(refused.getContentType()).as(path).isEqualTo(TAXII);
		}
		assertThat(mvc.perform(get("/taxii2/").header("Accept", TAXII).header("Authorization", "Bearer nonsense"))
			.andReturn().getResponse().getStatus()).as("a wrong token is refused, not taken as anonymous").isEqualTo(401);

		String withAccount = taxii(DemoTokens.token(mvc, "bank.partner"), "/taxii2/").getContentAsString();
		assertThat(JsonPath.<String>read(withAccount, "$.default")).endsWith("/taxii2/api/");
		assertThat(JsonPath.<List<String>>read(withAccount, "$.api_roots")).hasSize(2);
	}

	@Test
	void aCollectionIsKeptUpToDateFromWhatChangedAndAgreesWithAWholeComparison() throws Exception {
		OrganisationId fr = organisations.findByShortName("fr-unit").orElseThrow().id();
		OrganisationId de = organisations.findByShortName("de-unit").orElseThrow().id();
		Instant at = Instant.parse("2026-04-01T10:00:00Z");
		String known = "https://known-" + s + ".bad-site.net/a";
		sightings.record(List.of(record(fr, Tlp.GREEN, at, ind("URL", known))));
		UUID collection = UUID.fromString(agreement("fr-unit", "hosting", false));
		String hosting = DemoTokens.token(mvc, "hosting.partner");
		String objects = "/taxii2/api/collections/" + collection + "/objects/?match[type]=sighting&limit=1000";
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
			.until(() -> CollectionRefreshTestAccess.comparesOnlyChanges(context, collection));

		// after the first (whole) refresh: a new indicator, a second record carrying the known one, and sightings
		// that change nothing the collection holds (another organisation's record, a TLP:RED record)
		String fresh = "https://fresh-" + s + ".bad-site.net/b";
		String germanOnly = "https://german-" + s + ".bad-site.net/c";
		sightings.record(List.of(record(fr, Tlp.AMBER, at.plusSeconds(60), ind("URL", fresh), ind("URL", known)),
				record(de, Tlp.GREEN, at.plusSeconds(120), ind("URL", germanOnly), ind("URL", known)),
				record(fr, Tlp.RED, at.plusSeconds(180), ind("URL", known))));
		String indicatorsOf = "/taxii2/api/collections/" + collection + "/objects/?match[type]=indicator&limit=1000";
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
			.until(() -> objects(taxii(hosting, indicatorsOf)).stream().anyMatch(o -> o.path("pattern").asString().contains(fresh)));
		Map<Long, String> fromChanges = CollectionRefreshTestAccess.latestVersions(context, collection);
		long[] counts = CollectionRefreshTestAccess.objectCounts(context, collection);
		assertThat(counts[0]).as("the count of objects kept by each comparison").isEqualTo(counts[1]);
		List<JsonNode> indicators = objects(taxii(hosting, indicatorsOf));
		assertThat(indicators.stream().map(o -> o.path("pattern").asString())).noneSatisfy(p -> assertThat(p).contains(germanOnly));
		String knownId = indicators.stream().filter(o -> o.path("pattern").asString().contains("'" + known + "'")).findFirst()
			.orElseThrow().path("id").asString();
		assertThat(objects(taxii(hosting, objects)).stream().filter(o -> o.path("sighting_of_ref").asString().equals(knownId)))
			.as("the known indicator's summary counts the second FR record, not the German or the TLP:RED one")
			.singleElement().satisfies(o -> assertThat(o.path("count").asInt()).isEqualTo(2));

		// comparing every indicator again finds nothing the refreshes from changes missed
		CollectionRefreshTestAccess.forgetChangeHorizon(context, collection);
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
			.until(() -> CollectionRefreshTestAccess.comparesOnlyChanges(context, collection));
		assertThat(CollectionRefreshTestAccess.latestVersions(context, collection)).isEqualTo(fromChanges);
	}

	@Test
	void objectsKeepTheirVersionsServedPerTaxii() throws Exception {
		OrganisationId fr = organisations.findByShortName("fr-unit").orElseThrow().id();
		String url = "https://versioned-" + s + ".bad-site.net/a";
		Instant at = Instant.parse("2026-03-01T10:00:00Z");
		sightings.record(List.of(record(fr, Tlp.GREEN, at, ind("URL", url))));
		String collection = agreement("fr-unit", "hosting", false);
		String hosting = DemoTokens.token(mvc, "hosting.partner");
		String objects = "/taxii2/api/collections/" + collection + "/objects/";
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
			.until(() -> objects(taxii(hosting, objects + "?match[type]=indicator")).toString().contains(url));
		JsonNode first = objects(taxii(hosting, objects + "?match[type]=indicator")).stream()
			.filter(o -> o.path("pattern").asString().contains(url)).findFirst().orElseThrow();
		String id = first.path("id").asString();
		String sightingOf = "?match[type]=sighting";

		sightings.record(List.of(record(fr, Tlp.GREEN, at.plusSeconds(3600), ind("URL", url))));
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
			.until(() -> JsonPath.<List<String>>read(taxii(hosting, objects + id + "/versions/").getContentAsString(),
					"$.versions").size() >= 2);

		List<String> versions = JsonPath.read(taxii(hosting, objects + id + "/versions/").getContentAsString(), "$.versions");
		assertThat(versions).hasSize(2);
		assertThat(versions.get(0)).isEqualTo(first.path("modified").asString());
		assertThat(Instant.parse(versions.get(1))).isAfter(Instant.parse(versions.get(0)));

		assertThat(objects(taxii(hosting, objects + id + "/"))).as("the latest version by default").singleElement()
			.satisfies(o -> assertThat(o.path("modified").asString()).isEqualTo(versions.get(1)));
		assertThat(objects(taxii(hosting, objects + id + "/?match[version]=all"))).hasSize(2);
		assertThat(objects(taxii(hosting, objects + id + "/?match[version]=first"))).singleElement()
			.satisfies(o -> assertThat(o.path("modified").asString()).isEqualTo(versions.get(0)));
		assertThat(objects(taxii(hosting, objects + id + "/?match[version]=last"))).singleElement()
			.satisfies(o -> assertThat(o.path("modified").asString()).isEqualTo(versions.get(1)));
		assertThat(objects(taxii(hosting, objects + id + "/?match[version]=" + versions.get(0)))).singleElement()
			.satisfies(o -> assertThat(o.path("modified").asString()).isEqualTo(versions.get(0)));
		assertThat(objects(taxii(hosting, objects + id + "/?match[version]=first,last"))).hasSize(2);

		List<JsonNode> sightingVersions = objects(taxii(hosting, objects + sightingOf + "&match[version]=all&limit=1000"))
			.stream().filter(o -> o.path("sighting_of_ref").asString().equals(id)).toList();
		assertThat(sightingVersions).as("the walk over all versions").hasSize(2);
		assertThat(sightingVersions.stream().map(o -> o.path("count").asInt()).toList()).containsExactly(1, 2);
		for (JsonNode o : sightingVersions) {
			assertThat(StixSchemas.validate("sighting", o.toString())).isEmpty();
		}
		String manifest = taxii(hosting, "/taxii2/api/collections/" + collection + "/manifest/?match[id]=" + id
				+ "&match[version]=all").getContentAsString();
		assertThat(JsonPath.<List<String>>read(manifest, "$.objects[*].version")).containsExactlyElementsOf(versions);
		assertThat(taxii(DemoTokens.token(mvc, "bank.partner"), objects + id + "/versions/").getStatus())
			.as("outside the agreement").isEqualTo(404);
	}
}
