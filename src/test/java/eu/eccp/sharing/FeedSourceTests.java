package eu.eccp.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
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
import eu.eccp.sharing.internal.FeedSourcesTestAccess;

/**
 * Feed sources keep their credential encrypted and never show it; changing a source's address needs the credential
 * again; MISP event files import with their markings; the platform pulls its own MISP feed over HTTP, incrementally.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "eccp.demo=true",
		"eccp.sharing.refresh-interval=1s", "eccp.sharing.feeds.poll-interval=1s", "eccp.sharing.feeds.allow-http=true",
		"eccp.sharing.feeds.allow-private-addresses=true", "eccp.data-dir=${java.io.tmpdir}/eccp-feed-source-tests" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class FeedSourceTests {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Sightings sightings;

	@Autowired
	Organisations organisations;

	@Autowired
	org.springframework.context.ApplicationContext context;

	final String s = UUID.randomUUID().toString().substring(0, 8);

	String addFeed(String token, String body) throws Exception {
		return mvc.perform(DemoTokens.bearer(post("/api/v1/sharing/feeds"), token).contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
	}

	@Test
	void aCredentialIsStoredEncryptedAndNeverShownBack() throws Exception {
		String bank = DemoTokens.token(mvc, "bank.partner");
		String secret = "very-secret-token-" + s + "-WXYZ";
		String feed = addFeed(bank, """
				{"name":"remote","url":"http://localhost:%d/taxii2/api/collections/%s/","username":"bank","secret":"%s"}"""
			.formatted(port, UUID.randomUUID(), secret));
		String id = JsonPath.read(feed, "$.id");

		assertThat(feed).doesNotContain(secret);
		assertThat(JsonPath.<Boolean>read(feed, "$.hasSecret")).isTrue();
		assertThat(JsonPath.<String>read(feed, "$.secretHint")).isEqualTo("…WXYZ");
		Map<String, Object> row = jdbc.sql("SELECT * FROM sharing_feed_source WHERE id = :id")
			.param("id", UUID.fromString(id)).query().singleRow();
		assertThat(row).as("no clear column").doesNotContainKey("secret");
		byte[] sealed = (byte[]) row.get("secret_sealed");
		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
		assertThat(FeedSourcesTestAccess.credential(context, UUID.fromString(id))).isEqualTo(secret);
		String listed = mvc.perform(DemoTokens.bearer(get("/api/v1/sharing/feeds"), bank)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(listed).contains(id).doesNotContain(secret);
	}

	@Test
	void aStoredCredentialIsNeverSentToANewAddress() throws Exception {
		String bank = DemoTokens.token(mvc, "bank.partner");
		String id = JsonPath.read(addFeed(bank, """
				{"name":"remote","url":"http://localhost:%d/taxii2/api/collections/%s/","secret":"token-%s"}"""
			.formatted(port, UUID.randomUUID(), s)), "$.id");

		String refused = mvc.perform(DemoTokens.bearer(put("/api/v1/sharing/feeds/" + id), bank)
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"name":"remote","url":"https://elsewhere.example.org/c/"}"""))
			.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<String>read(refused, "$.errors.secret")).isNotBlank();

		String renamed = mvc.perform(DemoTokens.bearer(put("/api/v1/sharing/feeds/" + id), bank)
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"name":"renamed","url":"http://localhost:%d/taxii2/api/collections/x/","intervalSeconds":7200,"enabled":false}"""
				.formatted(port))).andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
		assertThat(renamed).contains("secret");
		String kept = mvc.perform(DemoTokens.bearer(get("/api/v1/sharing/feeds/" + id), bank)).andReturn().getResponse()
			.getContentAsString();
		String url = JsonPath.read(kept, "$.url");
		String changed = mvc.perform(DemoTokens.bearer(put("/api/v1/sharing/feeds/" + id), bank)
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"name":"renamed","url":"%s","intervalSeconds":7200,"enabled":false}""".formatted(url)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<String>read(changed, "$.name")).isEqualTo("renamed");
		assertThat(JsonPath.<Boolean>read(changed, "$.enabled")).isFalse();
		assertThat(JsonPath.<Boolean>read(changed, "$.hasSecret")).as("a blank secret keeps the stored one").isTrue();
		assertThat(FeedSourcesTestAccess.credential(context, UUID.fromString(id))).isEqualTo("token-" + s);

		mvc.perform(DemoTokens.bearer(put("/api/v1/sharing/feeds/" + id), DemoTokens.token(mvc, "hosting.partner"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\",\"url\":\"%s\"}".formatted(url)))
			.andExpect(status().isNotFound());
	}

	@Test
	void aMispEventImportsItsAttributesWithTheirMarkings() throws Exception {
		String bank = DemoTokens.token(mvc, "bank.partner");
		String url = "https://misp-" + s + ".bad-site.net/login";
		String domain = "mispdomain-" + s + ".bad-site.net";
		String ip = "203.0.113." + (Math.abs(s.hashCode()) % 200 + 1);
		String hash = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
		String event = """
				{"Event":{"uuid":"%s","info":"phishing wave","date":"2026-03-02","timestamp":"1772409600",
				 "Attribute":[
				  {"uuid":"%s","type":"url","category":"Network activity","value":"%s","to_ids":true,"timestamp":"1772409600"},
				  {"uuid":"%s","type":"domain|ip","category":"Network activity","value":"%s|%s","timestamp":"1772409600",
				   "Tag":[{"name":"tlp:red"}]},
				  {"uuid":"%s","type":"ip-dst","value":"999.1.2.3"},
				  {"uuid":"%s","type":"comment","value":"just words"},
				  {"uuid":"not-a-uuid","type":"url","value":"https://x-%s.bad-site.net/"},
				  {"uuid":"%s","type":"url","value":"https://deleted-%s.bad-site.net/","deleted":true}
				 ],
				 "Object":[{"name":"file","Attribute":[{"uuid":"%s","type":"sha256","value":"%s"}]}],
				 "Tag":[{"name":"tlp:green"},{"name":"PAP:AMBER"}]}}"""
			.formatted(UUID.randomUUID(), UUID.randomUUID(), url, UUID.randomUUID(), domain, ip, UUID.randomUUID(),
					UUID.randomUUID(), s, UUID.randomUUID(), s, UUID.randomUUID(), hash);

		String report = mvc.perform(DemoTokens.bearer(post("/api/v1/sharing/imports/misp"), bank)
			.contentType(MediaType.APPLICATION_JSON).content(event)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();

		assertThat(JsonPath.<Integer>read(report, "$.received")).isEqualTo(7);
		assertThat(JsonPath.<Integer>read(report, "$.imported")).as(report).isEqualTo(3);
		assertThat(JsonPath.<Integer>read(report, "$.skipped")).isEqualTo(2);
		assertThat(JsonPath.<List<String>>read(report, "$.rejected[*].reason")).containsExactly("invalid-value", "bad-id");
		assertThat(markings("URL", url)).containsExactly("GREEN");
		assertThat(markings("DOMAIN", domain)).as("the attribute's own tag is stricter; stored: %s", jdbc.sql("""
				SELECT i.type || ' ' || i.value || ' ' || r.tlp || ' ' || r.source_kind FROM correlation_record r
				JOIN sighting s ON s.record_id = r.id JOIN indicator_value i ON i.id = s.indicator_id
				WHERE i.value LIKE :like""").param("like", "%" + s + "%").query(String.class).list())
			.containsExactly("RED");
		assertThat(markings("IPV4", ip)).containsExactly("RED");
		assertThat(markings("SHA256", hash)).containsExactly("GREEN");

		String again = mvc.perform(DemoTokens.bearer(post("/api/v1/sharing/imports/misp"), bank)
			.contentType(MediaType.APPLICATION_JSON).content(event)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(JsonPath.<Integer>read(again, "$.newSightings")).as("a re-import changes nothing").isZero();

		mvc.perform(DemoTokens.bearer(post("/api/v1/sharing/imports/misp"), bank).contentType(MediaType.APPLICATION_JSON)
			.content("{\"type\":\"bundle\",\"objects\":[]}")).andExpect(status().isUnprocessableContent());
	}

	@Test
	void aMispEventOfThreeThousandAttributesImportsThroughTheApi() throws Exception {
		StringBuilder attributes = new StringBuilder();
		for (int i = 0; i < 3000; i++) {
			attributes.append(i == 0 ? "" : ",").append("""
					{"uuid":"%s","type":"url","category":"Network activity","value":"https://bulk-%s-%d.bad-site.net/p"}"""
				.formatted(UUID.randomUUID(), s, i));
		}
		String event = """
				{"Event":{"uuid":"%s","date":"2026-03-02","Attribute":[%s],"Tag":[{"name":"tlp:amber"}]}}"""
			.formatted(UUID.randomUUID(), attributes);

		String report = mvc.perform(DemoTokens.bearer(post("/api/v1/sharing/imports/misp"), DemoTokens.token(mvc, "bank.partner"))
			.contentType(MediaType.APPLICATION_JSON).content(event)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();

		assertThat(JsonPath.<Integer>read(report, "$.received")).isEqualTo(3000);
		assertThat(JsonPath.<Integer>read(report, "$.imported")).isEqualTo(3000);
		assertThat(JsonPath.<Integer>read(report, "$.rejectedCount")).isZero();
		assertThat(markings("URL", "https://bulk-" + s + "-2999.bad-site.net/p")).containsExactly("AMBER");
	}

	/** The markings of the FEED records of an indicator. */
	List<String> markings(String type, String value) {
		return jdbc.sql("""
				SELECT DISTINCT r.tlp FROM correlation_record r JOIN sighting s ON s.record_id = r.id
				JOIN indicator_value i ON i.id = s.indicator_id
				WHERE i.type = :type AND i.value = :value AND r.source_kind = 'FEED'""")
			.param("type", type).param("value", value).query(String.class).list();
	}

	@Test
	void pullsItsOwnMispFeedIncrementally() throws Exception {
		OrganisationId fr = organisations.findByShortName("fr-unit").orElseThrow().id();
		String first = "https://mispfeed-" + s + ".bad-site.net/a";
		String red = "https://mispfeed-red-" + s + ".bad-site.net/a";
		sightings.record(List.of(
				new RecordSightings(new SourceRef(SourceRef.REPORT, UUID.randomUUID()), fr, new CountryCode("FR"), Tlp.GREEN,
						Instant.now(), List.of(new ObservedIndicator("URL", first, null))),
				new RecordSightings(new SourceRef(SourceRef.REPORT, UUID.randomUUID()), fr, new CountryCode("FR"), Tlp.RED,
						Instant.now(), List.of(new ObservedIndicator("URL", red, null)))));
		String coordinator = DemoTokens.token(mvc, "europol.coordinator");
		String collection = JsonPath.read(mvc.perform(DemoTokens.bearer(post("/api/v1/sharing/agreements"), coordinator)
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"name":"FR to hosting, MISP %s","sharingOrganisations":["fr-unit"],"receivingOrganisations":["hosting"],
					 "indicatorTypes":["URL"],"tlp":"GREEN","validFrom":"%s"}""".formatted(s, LocalDate.now())))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
		String hosting = DemoTokens.token(mvc, "hosting.partner");
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
			.until(() -> mvc.perform(DemoTokens.bearer(get("/feeds/misp/" + collection + "/manifest.json"), hosting))
				.andReturn().getResponse().getContentAsString().length() > 5);

		String feed = JsonPath.read(addFeed(hosting, """
				{"kind":"MISP","name":"ECCP as MISP","url":"http://localhost:%d/feeds/misp/%s/","secret":"%s","tlp":"AMBER"}"""
			.formatted(port, collection, hosting)), "$.id");
		Map<String, Object> progress = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
			.until(() -> feed(hosting, feed), f -> f.get("lastSuccessAt") != null);
		assertThat(progress.get("lastError")).isNull();
		assertThat(((Number) progress.get("imported")).longValue()).isGreaterThanOrEqualTo(1);
		assertThat(markings("URL", first)).contains("GREEN");
		assertThat(jdbc.sql("""
				SELECT count(*) FROM correlation_record r JOIN sighting s ON s.record_id = r.id
				JOIN indicator_value i ON i.id = s.indicator_id WHERE i.value = :v AND r.source_kind = 'FEED'""").param("v", red).query(Long.class).single())
			.as("a TLP:RED value never came through the feed").isZero();
		long events = ((Number) progress.get("pages")).longValue();

		Object firstSuccess = progress.get("lastSuccessAt");
		mvc.perform(DemoTokens.bearer(post("/api/v1/sharing/feeds/" + feed + "/run"), hosting)).andExpect(status().isOk());
		Map<String, Object> again = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
			.until(() -> feed(hosting, feed), f -> !f.get("lastSuccessAt").equals(firstSuccess));
		assertThat(((Number) again.get("pages")).longValue()).as("unchanged events are not fetched again").isEqualTo(events);
	}

	Map<String, Object> feed(String token, String id) throws Exception {
		return JsonPath.read(mvc.perform(DemoTokens.bearer(get("/api/v1/sharing/feeds/" + id), token))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$");
	}
}
