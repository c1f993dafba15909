package eu.eccp.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
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
 * The platform's own TAXII client pulls a collection of its own server over HTTP, page by page, and imports exactly
 * what the agreement lets out: clear indicators become the partner's FEED sightings (so they correlate like reports),
 * pseudonyms are rejected with their reason, never a TLP:RED, AMBER+STRICT or other organisation's value, nothing of a
 * report's text; a second pull changes nothing. Bundles uploaded with good and bad objects import the good ones and
 * list the bad.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "eccp.demo=true",
		"eccp.sharing.refresh-interval=1s", "eccp.sharing.feeds.poll-interval=1s", "eccp.sharing.feeds.allow-http=true",
		"eccp.sharing.feeds.allow-private-addresses=true", "eccp.data-dir=${java.io.tmpdir}/eccp-taxii-client-tests" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class TaxiiClientTests {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	Sightings sightings;

	@Autowired
	Organisations organisations;

	@Autowired
	JsonMapper json;

	final String s = UUID.randomUUID().toString().substring(0, 8);

	final HttpClient http = HttpClient.newHttpClient();

	int lookupSightings(String token, String value) throws Exception {
		String body = mvc.perform(DemoTokens.bearer(post("/api/v1/indicators/lookup"), token)
			.contentType(MediaType.APPLICATION_JSON).content("{\"values\":[\"" + value + "\"]}"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		return JsonPath.<Integer>read(body, "$[0].sightings");
	}

	List<JsonNode> pullOverHttp(String token, String collection) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/taxii2/api/collections/" + collection + "/objects/?limit=1000"))
			.header("Authorization", "Bearer " + token).header("Accept", "application/taxii+json;version=2.1").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		List<JsonNode> objects = new ArrayList<>();
		json.readTree(response.body()).path("objects").forEach(objects::add);
		return objects;
	}

	@Test
	void pullsItsOwnServerPageByPageAndImportsExactlyWhatTheAgreementAllows() throws Exception {
		OrganisationId fr = organisations.findByShortName("fr-unit").orElseThrow().id();
		OrganisationId de = organisations.findByShortName("de-unit").orElseThrow().id();
		String clearUrl = "https://shared-" + s + ".bad-site.net/";
		String redUrl = "https://red-" + s + ".bad-site.net/";
		String strictUrl = "https://strict-" + s + ".bad-site.net/";
		String germanUrl = "https://german-" + s + ".bad-site.net/";
		String email = "mule." + s + "@mail-provider.net";
		Instant at = Instant.parse("2026-03-01T10:00:00Z");
		sightings.record(List.of(
				new RecordSightings(new SourceRef(SourceRef.REPORT, UUID.randomUUID()), fr, new CountryCode("FR"), Tlp.GREEN, at,
						List.of(new ObservedIndicator("URL", clearUrl, null), new ObservedIndicator("EMAIL", email, null))),
				new RecordSightings(new SourceRef(SourceRef.REPORT, UUID.randomUUID()), fr, new CountryCode("FR"), Tlp.RED, at,
						List.of(new ObservedIndicator("URL", redUrl, null))),
				new RecordSightings(new SourceRef(SourceRef.REPORT, UUID.randomUUID()), fr, new CountryCode("FR"),
						Tlp.AMBER_STRICT, at, List.of(new ObservedIndicator("URL", strictUrl, null))),
				new RecordSightings(new SourceRef(SourceRef.REPORT, UUID.randomUUID()), de, new CountryCode("DE"), Tlp.CLEAR, at,
						List.of(new ObservedIndicator("URL", germanUrl, null)))));
		String reportUrl = "https://report-" + s + ".bad-site.net/login";
		String narrative = "Confidential narrative " + s;
		mvc.perform(post("/api/v1/public/reports").with(r -> {
			r.setRemoteAddr("198.51.100.77");
			return r;
		}).contentType(MediaType.APPLICATION_JSON).content("""
				{"offence":"PHISHING","victimCountries":["FR"],"description":"%s: the link %s came from %s"}"""
			.formatted(narrative, reportUrl, email))).andExpect(status().isCreated());

		String coordinator = DemoTokens.token(mvc, "europol.coordinator");
		String collection = JsonPath.read(mvc.perform(DemoTokens.bearer(post("/api/v1/sharing/agreements"), coordinator)
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"name":"FR unit to hosting %s","sharingOrganisations":["fr-unit"],"receivingOrganisations":["hosting"],
					 "indicatorTypes":["URL","EMAIL"],"tlp":"AMBER","validFrom":"%s"}""".formatted(s, LocalDate.now())))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");

		String hosting = DemoTokens.token(mvc, "hosting.partner");
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
			.until(() -> pullOverHttp(hosting, collection).toString().contains(reportUrl));
		List<JsonNode> served = pullOverHttp(hosting, collection);
		long clearIndicators = served.stream().filter(o -> o.path("type").asString().equals("indicator")
				&& o.path("pattern").asString().startsWith("[url:")).count();
		long pseudonyms = served.stream().filter(o -> o.path("pattern").asString().startsWith("[eccp-pseudonym:")).count();
		assertThat(served.toString()).doesNotContain(redUrl, strictUrl, germanUrl, email, narrative);
		assertThat(clearIndicators).isEqualTo(2);
		assertThat(pseudonyms).isEqualTo(1);
		int before = lookupSightings(hosting, clearUrl);

		String feed = mvc.perform(DemoTokens.bearer(post("/api/v1/sharing/feeds"), hosting)
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"name":"ECCP itself","url":"http://localhost:%d/taxii2/api/collections/%s/","username":"hosting",
					 "secret":"%s","tlp":"GREEN","intervalSeconds":3600,"pageSize":2}""".formatted(port, collection, hosting)))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		assertThat(feed).doesNotContain(hosting);
		String feedId = JsonPath.read(feed, "$.id");
		Map<String, Object> progress = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
			.until(() -> feed(hosting, feedId), f -> f.get("lastSuccessAt") != null);
		assertThat(((Number) progress.get("received")).longValue()).isEqualTo(served.size());
		assertThat(((Number) progress.get("pages")).longValue()).isGreaterThanOrEqualTo(served.size() / 2);
		assertThat(((Number) progress.get("imported")).longValue()).isEqualTo(clearIndicators);
		assertThat(((Number) progress.get("rejected")).longValue()).isEqualTo(pseudonyms);
		assertThat(progress.get("lastRejections").toString()).contains("pseudonymised");
		assertThat(progress.get("lastError")).isNull();
		assertThat(lookupSightings(hosting, clearUrl)).as("the import is a sighting of its own").isEqualTo(before + 1);
		assertThat(lookupSightings(hosting, redUrl)).as("a TLP:RED value never reached the partner").isZero();

		Object firstSuccess = progress.get("lastSuccessAt");
		mvc.perform(DemoTokens.bearer(post("/api/v1/sharing/feeds/" + feedId + "/run"), hosting)).andExpect(status().isOk());
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
			.until(() -> feed(hosting, feedId), f -> !f.get("lastSuccessAt").equals(firstSuccess));
		assertThat(lookupSightings(hosting, clearUrl)).as("pulling again changes nothing").isEqualTo(before + 1);
		assertThat(mvc.perform(DemoTokens.bearer(get("/api/v1/sharing/feeds/" + feedId), DemoTokens.token(mvc, "bank.partner")))
			.andReturn().getResponse().getStatus()).isEqualTo(404);
	}

	Map<String, Object> feed(String token, String id) throws Exception {
		return JsonPath.read(mvc.perform(DemoTokens.bearer(get("/api/v1/sharing/feeds/" + id), token))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$");
	}

	@Test
	void aFailingSourceShowsItsErrorAndIsTriedAgainLater() throws Exception {
		String bank = DemoTokens.token(mvc, "bank.partner");
		String feed = JsonPath.read(mvc.perform(DemoTokens.bearer(post("/api/v1/sharing/feeds"), bank)
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"name":"wrong token","url":"http://localhost:%d/taxii2/api/collections/%s/","secret":"not-a-token"}"""
				.formatted(port, UUID.randomUUID()))).andExpect(status().isCreated()).andReturn().getResponse()
			.getContentAsString(), "$.id");
		Map<String, Object> progress = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
			.until(() -> feed(bank, feed), f -> f.get("lastError") != null);
		assertThat(progress.get("lastError").toString()).contains("HTTP 401");
		assertThat(progress.get("failures")).isEqualTo(1);
		assertThat(Instant.parse(progress.get("nextRunAt").toString())).isAfter(Instant.now().plusSeconds(10));
	}

	@Test
	void refusesSourcesThatAreNotTaxiiAddresses() throws Exception {
		String bank = DemoTokens.token(mvc, "bank.partner");
		String body = mvc.perform(DemoTokens.bearer(post("/api/v1/sharing/feeds"), bank)
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"name":"","url":"ftp://user:pw@example.org/x","intervalSeconds":5,"pageSize":0}"""))
			.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<Map<String, Object>>read(body, "$.errors")).containsKeys("name", "url", "intervalSeconds",
				"pageSize");
	}

	@Test
	void aBundleWithGoodAndBadObjectsImportsTheGoodOnesAndReportsTheBad() throws Exception {
		String bank = DemoTokens.token(mvc, "bank.partner");
		String good = "https://bundle-" + s + ".bad-site.net/";
		String bundle = """
				{"type":"bundle","id":"bundle--%s","objects":[
				 {"type":"indicator","spec_version":"2.1","id":"indicator--%s","created":"2026-02-01T00:00:00.000Z",
				  "modified":"2026-02-01T00:00:00.000Z","pattern":"[url:value = '%s']","pattern_type":"stix",
				  "valid_from":"2026-02-01T00:00:00Z","object_marking_refs":["marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"]},
				 {"type":"indicator","spec_version":"2.1","id":"indicator--%s","pattern":"[ipv4-addr:value = '999.1.1.1']",
				  "pattern_type":"stix","valid_from":"2026-02-01T00:00:00Z"},
				 {"type":"indicator","spec_version":"2.1","id":"not-an-id","pattern":"[url:value = 'https://x.bad-site.net/']"},
				 {"type":"indicator","spec_version":"2.1","id":"indicator--%s","pattern":"rule x { }","pattern_type":"yara"},
				 {"type":"indicator","spec_version":"2.1","id":"indicator--%s","pattern":"[process:pid = 4]","pattern_type":"stix"},
				 {"type":"identity","spec_version":"2.1","id":"identity--%s","name":"Someone"},
				 42,
				 {"type":"domain-name","spec_version":"2.1","id":"domain-name--%s","value":"sco-%s.bad-site.net"}
				]}""".formatted(UUID.randomUUID(), UUID.randomUUID(), good, UUID.randomUUID(), UUID.randomUUID(),
				UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), s);
		String report = mvc.perform(DemoTokens.bearer(post("/api/v1/sharing/imports/stix"), bank)
			.contentType("application/stix+json;version=2.1").content(bundle)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(JsonPath.<Integer>read(report, "$.received")).isEqualTo(8);
		assertThat(JsonPath.<Integer>read(report, "$.imported")).isEqualTo(2);
		assertThat(JsonPath.<Integer>read(report, "$.skipped")).isEqualTo(1);
		assertThat(JsonPath.<Integer>read(report, "$.rejectedCount")).isEqualTo(5);
		assertThat(JsonPath.<List<String>>read(report, "$.rejected[*].reason")).containsExactly("invalid-value", "bad-id",
				"pattern-type", "pattern-no-observable", "not-an-object");
		assertThat(JsonPath.<List<Integer>>read(report, "$.rejected[*].index")).containsExactly(1, 2, 3, 4, 6);
		assertThat(lookupSightings(bank, good)).isEqualTo(1);
		org.springframework.mock.web.MockHttpSession session = (org.springframework.mock.web.MockHttpSession) mvc
			.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin("/login")
				.user("bank.partner").password("demo"))
			.andReturn().getRequest().getSession();
		String pivot = mvc.perform(get("/indicators").param("q", good).session(session)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(pivot).as("the imported record is named in words, not by its kind's code").contains("Imported feed")
			.doesNotContain(">FEED<");

		String again = mvc.perform(DemoTokens.bearer(post("/api/v1/sharing/imports/stix"), bank)
			.contentType(MediaType.APPLICATION_JSON).content(bundle)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(JsonPath.<Integer>read(again, "$.newSightings")).as("a re-import changes nothing").isZero();
		assertThat(lookupSightings(bank, good)).isEqualTo(1);

		mvc.perform(DemoTokens.bearer(post("/api/v1/sharing/imports/stix"), bank).contentType(MediaType.APPLICATION_JSON)
			.content("[1,2]")).andExpect(status().isUnprocessableContent());
		mvc.perform(DemoTokens.bearer(post("/api/v1/sharing/imports/stix"), bank).param("tlp", "purple")
			.contentType(MediaType.APPLICATION_JSON).content(bundle)).andExpect(status().isUnprocessableContent());
	}

	/**
	 * A bundle of thousands (over two chunks of 5,000) whose bad values sit among good ones of the same chunk and type,
	 * imported through the HTTP path: exactly the bad objects are rejected, by position, every good one is imported in
	 * canonical form, and importing it again changes nothing.
	 */
	@Test
	void importsABundleOfThousandsCheckingItsValuesChunkByChunk() throws Exception {
		String bank = DemoTokens.token(mvc, "bank.partner");
		int objects = 12_000;
		StringBuilder bundle = new StringBuilder("{\"type\":\"bundle\",\"id\":\"bundle--" + UUID.randomUUID()
				+ "\",\"objects\":[");
		List<Integer> bad = new java.util.ArrayList<>();
		for (int i = 0; i < objects; i++) {
			String pattern = switch (i % 4) {
				case 0 -> "[url:value = 'https://many-" + i + "-" + s + ".bad-site.net/p']";
				case 1 -> "[domain-name:value = 'Many-" + i + "-" + s + ".Bad-Site.net']";
				case 2 -> "[ipv4-addr:value = '10." + (i / 65536 % 256) + "." + (i / 256 % 256) + "." + (i % 256) + "']";
				default -> "[email-addr:value = 'many." + i + "." + s + "@mail-provider.net']";
			};
			if (i % 97 == 5) {
				bad.add(i);
				pattern = switch (i % 4) {
					case 0 -> "[url:value = 'https://two-" + i + ".bad-site.net/ https://three-" + i + ".bad-site.net/']";
					case 1 -> "[domain-name:value = 'no domain " + i + "']";
					case 2 -> "[ipv4-addr:value = '999.1.1." + (i % 256) + "']";
					default -> "[email-addr:value = 'not-an-address-" + i + "']";
				};
			}
			bundle.append(i == 0 ? "" : ",").append("{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"indicator--")
				.append(UUID.randomUUID()).append("\",\"pattern\":\"").append(pattern)
				.append("\",\"pattern_type\":\"stix\",\"valid_from\":\"2026-02-01T00:00:00Z\"}");
		}
		String body = bundle.append("]}").toString();

		String report = mvc.perform(DemoTokens.bearer(post("/api/v1/sharing/imports/stix"), bank)
			.contentType("application/stix+json;version=2.1").content(body)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();

		assertThat(JsonPath.<Integer>read(report, "$.received")).isEqualTo(objects);
		assertThat(JsonPath.<Integer>read(report, "$.rejectedCount")).isEqualTo(bad.size());
		assertThat(JsonPath.<Integer>read(report, "$.imported")).isEqualTo(objects - bad.size());
		assertThat(JsonPath.<List<Integer>>read(report, "$.rejected[*].index")).containsExactlyElementsOf(bad);
		assertThat(JsonPath.<List<String>>read(report, "$.rejected[*].reason")).containsOnly("invalid-value");
		assertThat(lookupSightings(bank, "https://many-4-" + s + ".bad-site.net/p")).isEqualTo(1);
		assertThat(lookupSightings(bank, "many-11997-" + s + ".bad-site.net")).as("in canonical form (lower case)")
			.isEqualTo(1);
		assertThat(lookupSightings(bank, "many.11999." + s + "@mail-provider.net")).isEqualTo(1);

		String again = mvc.perform(DemoTokens.bearer(post("/api/v1/sharing/imports/stix"), bank)
			.contentType("application/stix+json;version=2.1").content(body)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(JsonPath.<Integer>read(again, "$.newSightings")).as("a re-import changes nothing").isZero();
		assertThat(lookupSightings(bank, "https://many-4-" + s + ".bad-site.net/p")).isEqualTo(1);
	}
}
