package eu.eccp.takedown;

import static eu.eccp.DemoTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import eu.eccp.DemoTokens;

/**
 * Illegal content comes in by web address: from the public (routed to the hotline of the reporter's country,
 * else its national unit, else the EU-level hotline) and from organisations (one or many addresses with media
 * hashes, idempotent, and in bulk). Each address is an item; the same address in any written form joins its
 * item and the answer says who already handles it, since when.
 */
@SpringBootTest(properties = { "eccp.demo=true", "eccp.data-dir=${java.io.tmpdir}/eccp-takedown-intake-tests",
		"eccp.takedown.eu-hotline=hotline" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ContentIntakeTests {

	private static final AtomicInteger CLIENTS = new AtomicInteger(1);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	final String client = "198.51.100." + CLIENTS.getAndIncrement();

	RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	String ownerOfReport(String reference) {
		return jdbc.sql("SELECT o.short_name FROM report r JOIN organisation o ON o.id = r.owner_org WHERE r.reference = :r")
			.param("r", reference).query(String.class).single();
	}

	String publicReport(String offence, String residence, String url) throws Exception {
		String json = """
				{"offence":"%s","residenceCountry":"%s","details":{"urls":["%s"]}}""".formatted(offence, residence, url);
		return JsonPath.read(mvc.perform(post("/api/v1/public/reports").with(from(client))
			.contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.reference");
	}

	@Test
	void aCitizensReportOfIllegalContentGoesToTheHotlineOfTheirCountryAndBecomesAnItem() throws Exception {
		String host = "forum-" + UUID.randomUUID().toString().substring(0, 8);
		String reference = publicReport("CHILD_SEXUAL_ABUSE_MATERIAL", "FR", "hxxps://" + host + "[.]example[.]com/t/1?utm_source=mail");
		assertThat(ownerOfReport(reference)).isEqualTo("fr-hotline");
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql("""
				SELECT o.short_name FROM content_item i JOIN organisation o ON o.id = i.handler_org WHERE i.url_key = :key""")
			.param("key", "https://" + host + ".example.com/t/1").query(String.class).list()).containsExactly("fr-hotline"));

		String token = DemoTokens.token(mvc, "fr.hotline");
		mvc.perform(bearer(get("/api/v1/content-items").param("q", host), token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].reportedCategory").value("CSAM"))
			.andExpect(jsonPath("$.items[0].defangedUrl").value("hxxps://" + host + "[.]example[.]com/t/1"))
			.andExpect(jsonPath("$.items[0].status").value("NEW"));
	}

	@Test
	void terroristRacistAndOtherIllegalContentAreTakenByWebAddressWithAnOptionalDescription() throws Exception {
		for (String offence : List.of("TERRORIST_CONTENT", "RACISM_XENOPHOBIA", "OTHER_ILLEGAL_CONTENT")) {
			mvc.perform(post("/api/v1/public/reports").with(from(client)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"offence\":\"" + offence + "\",\"residenceCountry\":\"DE\",\"description\":\"Seen on a video site.\"}"))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors['details.urls']").isNotEmpty());
			String reference = publicReport(offence, "DE", "https://videos-" + UUID.randomUUID() + ".example.com/v/1");
			assertThat(ownerOfReport(reference)).isEqualTo("de-hotline");
		}
	}

	@Test
	void withoutAHotlineTheNationalUnitThenTheEuLevelHotlineReceivesIt() throws Exception {
		assertThat(ownerOfReport(publicReport("TERRORIST_CONTENT", "AT", "https://a-" + UUID.randomUUID() + ".example.com/")))
			.isEqualTo("at-unit");
		assertThat(ownerOfReport(publicReport("TERRORIST_CONTENT", "CH", "https://c-" + UUID.randomUUID() + ".example.com/")))
			.isEqualTo("hotline");
		assertThat(jdbc.sql("SELECT routed_by FROM report WHERE owner_org = (SELECT id FROM organisation WHERE short_name = 'hotline') "
				+ "ORDER BY submitted_at DESC LIMIT 1").query(String.class).single()).isEqualTo("eu-hotline:hotline");
	}

	@Test
	void theSameAddressInAnotherFormJoinsTheItemAndSaysWhoHandlesItSinceWhen() throws Exception {
		String host = "share-" + UUID.randomUUID().toString().substring(0, 8);
		String fr = DemoTokens.token(mvc, "fr.hotline");
		String first = mvc.perform(bearer(post("/api/v1/content-reports"), fr).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"category":"CSAM","urls":["https://%s.example.com/album/7","https://%s.example.com/album/8"],
					 "organisationReference":"FR-%s"}""".formatted(host, host, host)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.items.length()").value(2))
			.andExpect(jsonPath("$.items[0].created").value(true))
			.andExpect(jsonPath("$.items[0].handledBy.shortName").value("fr-hotline"))
			.andReturn().getResponse().getContentAsString();
		String itemId = JsonPath.read(first, "$.items[0].itemId");

		String de = DemoTokens.token(mvc, "de.hotline");
		mvc.perform(bearer(post("/api/v1/content-reports"), de).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"category":"CSAM","urls":["hxxps://%s[.]EXAMPLE[.]com/album/7?fbclid=abc&utm_medium=social#top"]}"""
				.formatted(host.toUpperCase(java.util.Locale.ROOT))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.items[0].itemId").value(itemId))
			.andExpect(jsonPath("$.items[0].created").value(false))
			.andExpect(jsonPath("$.items[0].handledBy.shortName").value("fr-hotline"))
			.andExpect(jsonPath("$.items[0].handledSince").isNotEmpty());

		// the German hotline now sees the item (as a reporter) and who handles it; one item, two sources
		mvc.perform(bearer(get("/api/v1/content-items/" + itemId), de))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.handledBy.shortName").value("fr-hotline"))
			.andExpect(jsonPath("$.parties[?(@.party == 'REPORTER')].organisation.shortName").value(org.hamcrest.Matchers.hasItem("de-hotline")))
			.andExpect(jsonPath("$.timeline[*].kind").value(org.hamcrest.Matchers.contains("REPORTED", "JOINED")));
		assertThat(jdbc.sql("SELECT count(*) FROM content_item WHERE host = :h").param("h", host + ".example.com")
			.query(Long.class).single()).isEqualTo(2);

		// a retry with the same organisationReference returns the original
		mvc.perform(bearer(post("/api/v1/content-reports"), fr).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"category":"CSAM","urls":["https://%s.example.com/album/7","https://%s.example.com/album/8"],
					 "organisationReference":"FR-%s"}""".formatted(host, host, host)))
			.andExpect(status().isOk())
			.andExpect(header().string("Idempotent-Replayed", "true"))
			.andExpect(jsonPath("$.id").value(JsonPath.<String>read(first, "$.id")))
			.andExpect(jsonPath("$.items.length()").value(2));
	}

	@Test
	void aPublicReportOfAnAddressAnotherHotlineHandlesJoinsThatItem() throws Exception {
		String host = "dup-" + UUID.randomUUID().toString().substring(0, 8);
		String nl = DemoTokens.token(mvc, "nl.hotline");
		String itemId = JsonPath.read(mvc.perform(bearer(post("/api/v1/content-reports"), nl)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"category\":\"TERRORIST_CONTENT\",\"urls\":[\"https://" + host + ".example.com/p\"]}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.items[0].itemId");
		publicReport("TERRORIST_CONTENT", "FR", "HTTPS://" + host + ".example.com:443/p");
		String fr = DemoTokens.token(mvc, "fr.hotline");
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mvc.perform(bearer(get("/api/v1/content-items/" + itemId), fr))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.handledBy.shortName").value("nl-hotline")));
	}

	@Test
	void badContentReportsGetFieldErrors() throws Exception {
		String token = DemoTokens.token(mvc, "fr.hotline");
		mvc.perform(bearer(post("/api/v1/content-reports"), token).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"category":"PHISHING","urls":["not a url","https://ok.example.com/x"],
					 "mediaHashes":[{"algorithm":"PDQ","value":"abc"},{"algorithm":"CRC32","value":"00"}],"tlp":"PURPLE"}"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.category").isNotEmpty())
			.andExpect(jsonPath("$.errors['urls[0]']").isNotEmpty())
			.andExpect(jsonPath("$.errors['mediaHashes[0].value']").isNotEmpty())
			.andExpect(jsonPath("$.errors['mediaHashes[1].algorithm']").isNotEmpty())
			.andExpect(jsonPath("$.errors.tlp").isNotEmpty());
		mvc.perform(bearer(post("/api/v1/content-reports"), token).contentType(MediaType.APPLICATION_JSON)
			.content("{\"category\":\"CSAM\",\"urls\":[]}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.urls").isNotEmpty());
	}

	@Test
	void anOutsiderSeesNoneOfIt() throws Exception {
		String fr = DemoTokens.token(mvc, "fr.hotline");
		String host = "secret-" + UUID.randomUUID().toString().substring(0, 8);
		String itemId = JsonPath.read(mvc.perform(bearer(post("/api/v1/content-reports"), fr)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"category\":\"CSAM\",\"urls\":[\"https://" + host + ".example.com/\"]}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.items[0].itemId");
		for (String outsider : List.of("bank.partner", "de.analyst", "nl.hotline")) {
			String token = DemoTokens.token(mvc, outsider);
			mvc.perform(bearer(get("/api/v1/content-items/" + itemId), token)).andExpect(status().isNotFound());
			mvc.perform(bearer(get("/api/v1/content-items").param("q", host), token))
				.andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
		}
		mvc.perform(get("/api/v1/content-items/" + itemId)).andExpect(status().isUnauthorized());
	}

	@Test
	void aBulkFileOfThreeThousandLinesIsStoredOnceWithItsBadLinesNamed() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		StringBuilder ndjson = new StringBuilder();
		int valid = 2_980;
		for (int i = 0; i < valid; i++) {
			ndjson.append("{\"category\":\"CSAM\",\"urls\":[\"https://bulk-").append(run).append(".example.com/i/").append(i)
				.append("\"],\"mediaHashes\":[{\"algorithm\":\"MD5\",\"value\":\"")
				.append(String.format("%032x", (long) i + 1)).append("\"}],\"organisationReference\":\"B-").append(run)
				.append('-').append(i).append("\"}\n");
		}
		for (int i = 0; i < 10; i++) {
			// the same addresses in another form, without a reference: they join the items
			ndjson.append("{\"category\":\"CSAM\",\"urls\":[\"hxxps://BULK-").append(run).append("[.]example[.]com/i/").append(i)
				.append("?utm_source=x\"]}\n");
		}
		for (int i = 0; i < 5; i++) {
			ndjson.append("{not json\n");
			ndjson.append("{\"category\":\"CSAM\",\"urls\":[\"nothing here\"]}\n");
		}
		String token = DemoTokens.token(mvc, "fr.hotline");
		mvc.perform(bearer(post("/api/v1/content-reports/bulk"), token).contentType("application/x-ndjson")
			.content(ndjson.toString()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.lines").value(valid + 20))
			.andExpect(jsonPath("$.accepted").value(valid + 10))
			.andExpect(jsonPath("$.rejected").value(10))
			.andExpect(jsonPath("$.itemsCreated").value(valid))
			.andExpect(jsonPath("$.itemsJoined").value(10))
			.andExpect(jsonPath("$.rejections[0].line").value(valid + 11))
			.andExpect(jsonPath("$.rejections[0].errors.line").value("validation.takedown.badJson"))
			.andExpect(jsonPath("$.rejections[1].errors['urls[0]']").value("validation.url"));
		assertThat(jdbc.sql("SELECT count(*) FROM content_item WHERE host = :h").param("h", "bulk-" + run + ".example.com")
			.query(Long.class).single()).isEqualTo(valid);
		assertThat(jdbc.sql("SELECT count(*) FROM content_item_hash h JOIN content_item i ON i.id = h.item_id WHERE i.host = :h")
			.param("h", "bulk-" + run + ".example.com").query(Long.class).single()).isEqualTo(valid);

		// the same file again: every line with a reference is a replay, nothing new is created
		mvc.perform(bearer(post("/api/v1/content-reports/bulk"), token).contentType("application/x-ndjson")
			.content(ndjson.toString()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.replayed").value(valid))
			.andExpect(jsonPath("$.itemsCreated").value(0));
		assertThat(jdbc.sql("SELECT count(*) FROM content_item WHERE host = :h").param("h", "bulk-" + run + ".example.com")
			.query(Long.class).single()).isEqualTo(valid);
	}

	@Test
	void thePublicFormTakesIllegalContentAsWebAddressesWithoutADescription() throws Exception {
		String host = "form-" + UUID.randomUUID().toString().substring(0, 8);
		String page = mvc.perform(get("/report")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		org.assertj.core.api.Assertions.assertThat(page).contains("offence-OTHER_ILLEGAL_CONTENT").contains("illegal-content-guidance");
		mvc.perform(post("/report").with(from(client)).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("offence", "TERRORIST_CONTENT").param("residenceCountry", "NL").param("description", "")
			.param("details.urls", "https://" + host + ".example.com/a\nhxxps://" + host + "[.]example[.]com/b"))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/report/submitted"));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql("""
				SELECT o.short_name FROM content_item i JOIN organisation o ON o.id = i.handler_org WHERE i.host = :h""")
			.param("h", host + ".example.com").query(String.class).list()).containsExactly("nl-hotline", "nl-hotline"));
		mvc.perform(post("/report").with(from(client)).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("offence", "RACISM_XENOPHOBIA").param("residenceCountry", "NL"))
			.andExpect(status().isUnprocessableContent());
	}
}
