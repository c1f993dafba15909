package eu.eccp.correlation;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import eu.eccp.DemoTokens;

/**
 * Reports from two countries that share a URL, one defanged and one clean, meet: each unit gets one hit,
 * sees only its own report, learns who holds the other, and can ask for access to exactly that record.
 */
@SpringBootTest(properties = { "eccp.demo=true", "eccp.data-dir=${java.io.tmpdir}/eccp-correlation-tests" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CorrelationApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	String token(String username) throws Exception {
		return DemoTokens.token(mvc, username);
	}

	MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String token) {
		return DemoTokens.bearer(request, token);
	}

	String report(String country, String url, String text, String client) throws Exception {
		String body = """
				{"offence":"PHISHING","victimCountries":["%s"],"description":"%s %s","contact":{"email":"victim@example.org"}}"""
			.formatted(country, text, url);
		String reference = JsonPath.read(mvc.perform(post("/api/v1/public/reports").with(r -> {
			r.setRemoteAddr(client);
			return r;
		}).contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated()).andReturn().getResponse()
			.getContentAsString(), "$.reference");
		return jdbc.sql("SELECT id FROM report WHERE reference = :r").param("r", reference).query(UUID.class).single().toString();
	}

	List<Map<String, Object>> awaitHits(String token, String indicatorValue) {
		return await("hits on " + indicatorValue).atMost(Duration.ofSeconds(30))
			.until(() -> JsonPath.<List<Map<String, Object>>>read(mvc.perform(as(get("/api/v1/hits?size=500"), token))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(),
					"$.items[?(@.indicatorValue == '" + indicatorValue + "')]"), hits -> !hits.isEmpty());
	}

	@Test
	@SuppressWarnings("unchecked")
	void reportsSharingADefangedAndACleanUrlMeetAcrossBordersOnNeedToKnow() throws Exception {
		String domain = "login-" + UUID.randomUUID().toString().substring(0, 8) + ".bank-verify.com";
		String canonical = "https://" + domain + "/account";
		String frReport = report("FR", "hxxps://" + domain.replace(".", "[.]") + "/account", "Faux courriel, lien", "192.0.2.61");
		String deReport = report("DE", canonical, "Gefälschte E-Mail mit Link", "192.0.2.62");
		String fr = token("fr.analyst");
		String de = token("de.analyst");

		List<Map<String, Object>> frHits = awaitHits(fr, canonical);
		List<Map<String, Object>> deHits = awaitHits(de, canonical);
		assertThat(frHits).hasSize(1);
		assertThat(deHits).hasSize(1);
		assertThat(frHits.get(0)).containsEntry("recordId", frReport);
		List<Map<String, Object>> frHolders = (List<Map<String, Object>>) frHits.get(0).get("holders");
		assertThat(frHolders).hasSize(1);
		assertThat(frHolders.get(0)).containsEntry("country", "DE")
			.containsEntry("organisation", "Germany National Cyber Crime Unit")
			.containsEntry("contactPoint", "Germany 24/7 Contact Point");
		assertThat(deHits.get(0)).containsEntry("recordId", deReport);
		assertThat(((List<Map<String, Object>>) deHits.get(0).get("holders")).get(0)).containsEntry("country", "FR");
		assertThat(frHits.get(0).toString()).doesNotContain(deReport);

		mvc.perform(as(get("/api/v1/reports/" + deReport), fr)).andExpect(status().isNotFound());
		String search = mvc.perform(as(get("/api/v1/indicators/search").param("q", "hxxps://" + domain + "/account"), fr))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<List<String>>read(search, "$[0].visibleSightings[*].sourceId")).containsExactly(frReport);
		assertThat((Integer) JsonPath.read(search, "$[0].otherSightingsByCountry.DE")).isEqualTo(1);
		assertThat((Boolean) JsonPath.read(search, "$[0].tooCommonToCorrelate")).isFalse();

		String lookup = mvc.perform(as(post("/api/v1/indicators/lookup"), de).contentType(MediaType.APPLICATION_JSON)
			.content("{\"values\":[\"" + canonical + "\",\"https://never-seen-" + UUID.randomUUID() + ".com/\"]}"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat((Boolean) JsonPath.read(lookup, "$[0].known")).isTrue();
		assertThat((Integer) JsonPath.read(lookup, "$[0].sightings")).isEqualTo(2);
		assertThat(JsonPath.<List<String>>read(lookup, "$[0].countries")).containsExactly("DE", "FR");
		assertThat(JsonPath.<List<String>>read(lookup, "$[0].visibleSightings[*].sourceId")).containsExactly(deReport);
		assertThat((Boolean) JsonPath.read(lookup, "$[1].known")).isFalse();

		long cluster = ((Number) frHits.get(0).get("clusterId")).longValue();
		String graph = mvc.perform(as(get("/api/v1/clusters/" + cluster), fr)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(JsonPath.<List<Object>>read(graph, "$.nodes[?(@.kind == 'RECORD')]")).hasSize(2);
		List<Map<String, Object>> hidden = JsonPath.read(graph, "$.nodes[?(@.kind == 'RECORD' && @.visible == false)]");
		assertThat(hidden).hasSize(1);
		assertThat(hidden.get(0)).containsEntry("country", "DE").doesNotContainKeys("label", "link");
		// the caller's own record is named by its reference, the linking value labels its edges, with how it links
		List<Map<String, Object>> own = JsonPath.read(graph, "$.nodes[?(@.kind == 'RECORD' && @.visible == true)]");
		assertThat(own).singleElement().satisfies(n -> assertThat((String) n.get("label")).matches("ECCP-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}"));
		assertThat(JsonPath.<List<String>>read(graph, "$.edges[?(@.relation == 'EXACT')].label"))
			.containsExactly("URL " + canonical, "URL " + canonical);
		// the URL's host and registrable domain link the two records too, as weaker, labelled edges
		assertThat(JsonPath.<List<String>>read(graph, "$.edges[?(@.relation == 'HOST')].label")).containsOnly("DOMAIN " + domain);
		assertThat(JsonPath.<List<String>>read(graph, "$.edges[*].relation")).containsOnly("EXACT", "HOST", "REGISTRABLE_DOMAIN");
		mvc.perform(as(get("/api/v1/clusters/" + cluster), token("nl.analyst"))).andExpect(status().isNotFound());

		// FR asks DE for access to exactly the related report; DE grants it
		String request = mvc.perform(as(post("/api/v1/hits/" + frHits.get(0).get("id") + "/access-requests"), fr)
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Same phishing kit as our case 2026/117\"}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		mvc.perform(as(post("/api/v1/hits/" + frHits.get(0).get("id") + "/access-requests"), fr)
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"asking twice\"}"))
			.andExpect(status().isConflict());
		String requestId = JsonPath.read(request, "$.id");
		mvc.perform(as(post("/api/v1/access-requests/" + requestId + "/grant"), fr)).andExpect(status().isNotFound());
		String incoming = mvc.perform(as(get("/api/v1/access-requests"), de)).andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<List<String>>read(incoming, "$[*].id")).contains(requestId);
		mvc.perform(as(post("/api/v1/access-requests/" + requestId + "/grant"), de).contentType(MediaType.APPLICATION_JSON)
			.content("{\"note\":\"granted for the joint case\"}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("GRANTED"));
		mvc.perform(as(post("/api/v1/access-requests/" + requestId + "/decline"), de)).andExpect(status().isConflict());

		awaitGranted(fr, deReport);
		mvc.perform(as(get("/api/v1/reports/" + deReport), fr))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.contact").doesNotExist());
		String otherGermanReport = report("DE", "https://unrelated-" + UUID.randomUUID() + ".com/", "Unrelated German report", "192.0.2.63");
		mvc.perform(as(get("/api/v1/reports/" + otherGermanReport), fr)).andExpect(status().isNotFound());
	}

	void awaitGranted(String token, String report) {
		await("access to report " + report).atMost(Duration.ofSeconds(20))
			.until(() -> mvc.perform(as(get("/api/v1/reports/" + report), token)).andReturn().getResponse().getStatus() != 404);
	}

	@Test
	@SuppressWarnings("unchecked")
	void thePagesShowHitsPivotClusterAndAccessRequests() throws Exception {
		String domain = "pages-" + UUID.randomUUID().toString().substring(0, 8) + ".bank-verify.com";
		String canonical = "https://" + domain + "/pay";
		report("FR", canonical, "Page check FR", "192.0.2.71");
		report("NL", canonical, "Page check NL", "192.0.2.72");
		List<Map<String, Object>> hits = awaitHits(token("fr.analyst"), canonical);
		assertThat(hits).hasSize(1);
		org.springframework.mock.web.MockHttpSession session = (org.springframework.mock.web.MockHttpSession) mvc
			.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin("/login")
				.user("fr.analyst").password("demo"))
			.andReturn().getRequest().getSession();
		String hitsPage = mvc.perform(get("/hits").session(session)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(hitsPage).contains(domain.replace(".", "[.]")).contains("Netherlands");
		String hitPage = mvc.perform(get("/hits/" + hits.get(0).get("id")).session(session)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(hitPage).contains("Netherlands National Cyber Crime Unit").contains("Netherlands 24/7 Contact Point")
			.contains("id=\"access-form\"");
		String pivotPage = mvc.perform(get("/indicators").param("q", "hxxps://" + domain.replace(".", "[.]") + "/pay")
			.session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(pivotPage).contains("Netherlands: 1");
		String clusterPage = mvc.perform(get("/clusters/" + hits.get(0).get("clusterId")).session(session))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(clusterPage).contains("<svg class=\"cluster-graph\"").contains("<circle").contains("<line");
		mvc.perform(get("/access-requests").session(session)).andExpect(status().isOk());
		String frReportId = (String) hits.get(0).get("recordId");
		assertThat(mvc.perform(get("/hits/record/REPORT/" + frReportId).header("HX-Request", "true").session(session))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
			.contains("id=\"record-hits\"").contains("Netherlands");
		assertThat(mvc.perform(get("/reports/" + frReportId).session(session)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString()).contains("/hits/record/REPORT/" + frReportId);
		String home = mvc.perform(get("/").session(session)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(home).contains("panel-hits");
	}

	@Test
	void correlationEndpointsNeedAToken() throws Exception {
		for (String path : List.of("/api/v1/hits", "/api/v1/indicators/search?q=x", "/api/v1/clusters/1", "/api/v1/access-requests")) {
			mvc.perform(get(path)).andExpect(status().isUnauthorized());
		}
		mvc.perform(as(get("/api/v1/hits"), token("dpo"))).andExpect(status().isForbidden());
		mvc.perform(as(post("/api/v1/indicators/lookup"), token("fr.analyst")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"values\":[]}")).andExpect(status().isUnprocessableContent());
	}
}
