package eu.eccp.awareness;

import static eu.eccp.DemoTokens.bearer;
import static eu.eccp.DemoTokens.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * Suggestions come from aggregate facts only: a cluster of reports from four countries yields one with the
 * counts, the countries, the offence and the one indicator every report carrying it marked TLP:CLEAR — never the
 * reports' text, the reporters, a value identifying a person, or a value an AMBER report carries. What is then
 * published carries none of it either, on any public output.
 */
@SpringBootTest(properties = { "eccp.demo=true", "eccp.awareness.suggestion-interval=1s", "eccp.awareness.surge-minimum=4" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SuggestionsFromDataTests {

	@Autowired
	MockMvc mvc;

	String report(String token, String country, String tlp, String description, List<String> urls, String email) throws Exception {
		String body = """
				{"offence":"PHISHING","victimCountries":["%s"],"description":"%s","tlp":"%s",
				 "details":{"urls":%s,"emails":["%s"],"phones":["+33 6 12 34 56 %s"]},
				 "contact":{"name":"Marie Dupont","email":"marie.dupont@example.org","language":"fr"},
				 "consentToContact":true}""".formatted(country, description, tlp,
				urls.stream().map(u -> "\"" + u + "\"").toList(), email, Map.of("FR", 11, "DE", 22, "NL", 33, "BE", 44).get(country));
		String created = mvc.perform(bearer(post("/api/v1/reports"), token).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return JsonPath.read(created, "$.id");
	}

	@Test
	void aClusterAcrossFourCountriesSuggestsAnAdvisoryWithAggregateFactsOnly() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String shared = "https://parcel-fee-" + run + ".top/pay";
		String amberOnly = "https://hidden-" + run + ".top/kit";
		String bank = token(mvc, "bank.partner");
		String secret = "Victim told us her neighbour Jeanne Martin lost money " + run;
		report(bank, "FR", "CLEAR", secret, List.of(shared, amberOnly), "jeanne.martin." + run + "@example.org");
		report(bank, "DE", "CLEAR", "Second victim " + run, List.of(shared), "jeanne.martin." + run + "@example.org");
		report(bank, "NL", "CLEAR", "Third victim " + run, List.of(shared), "someone." + run + "@example.org");
		report(bank, "BE", "AMBER", "Fourth victim " + run, List.of(amberOnly), "other." + run + "@example.org");

		String author = token(mvc, "europol.coordinator");
		String suggestions = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(
				() -> mvc.perform(bearer(get("/api/v1/advisories/suggestions"), author)).andReturn().getResponse()
					.getContentAsString(StandardCharsets.UTF_8),
				body -> JsonPath.<List<?>>read(body, "$[?(@.kind == 'CROSS_BORDER_CLUSTER' && 'BE' in @.countries && 'NL' in @.countries)]")
					.size() == 1);
		Map<String, Object> suggestion = JsonPath.<List<Map<String, Object>>>read(suggestions,
				"$[?(@.kind == 'CROSS_BORDER_CLUSTER' && 'BE' in @.countries && 'NL' in @.countries)]").get(0);
		assertThat(suggestion.get("countries")).asList().containsExactly("BE", "DE", "FR", "NL");
		assertThat(suggestion.get("reportCount")).isEqualTo(4);
		assertThat(suggestion.get("offence")).isEqualTo("PHISHING");
		assertThat(suggestion.get("firstSeen")).isNotNull();
		List<String> values = JsonPath.read(suggestion, "$.clearIndicators");
		assertThat(String.join(" ", values)).contains("parcel-fee-" + run).doesNotContain("hidden-" + run)
			.doesNotContain("@").doesNotContain("12 34");
		assertThat(suggestions).doesNotContain(secret).doesNotContain("Jeanne").doesNotContain("Dupont")
			.doesNotContain("jeanne.martin").doesNotContain("hidden-" + run).doesNotContain("+33");

		// four phishing reports this week and none in the eight before: far above the baseline
		Map<String, Object> surge = JsonPath.<List<Map<String, Object>>>read(suggestions,
				"$[?(@.kind == 'OFFENCE_SURGE' && @.offence == 'PHISHING')]").get(0);
		assertThat((Integer) surge.get("reportCount")).isGreaterThanOrEqualTo(4);
		assertThat(surge.get("baselinePerWeek")).isEqualTo(0.0);
		assertThat(surge.get("countries")).asList().contains("BE", "DE", "FR", "NL");
		assertThat(surge.get("clearIndicators")).asList().isEmpty();

		// an advisory written from it and published: no public output carries anything of the reports
		String draft = """
				{"offence":"PHISHING","countries":["BE","DE","FR","NL"],"suggestion":"%s",
				 "translations":[{"language":"en","title":"Parcel fee scam %s","summary":"Fake parcel fees.",
				   "advice":"Do not pay. Report it."}]}""".formatted(suggestion.get("id"), run);
		String created = mvc.perform(bearer(post("/api/v1/advisories"), author).contentType(MediaType.APPLICATION_JSON)
			.content(draft)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		String id = JsonPath.read(created, "$.id");
		mvc.perform(bearer(post("/api/v1/advisories/" + id + "/submission"), author)).andExpect(status().isOk());
		mvc.perform(bearer(post("/api/v1/advisories/" + id + "/approval"), token(mvc, "europol.coordinator2")))
			.andExpect(status().isOk());
		List<String> outputs = new ArrayList<>();
		for (String path : List.of("/advisories", "/advisories/" + id, "/advisories/" + id + "/cap.xml",
				"/advisories/feed/en.atom", "/advisories/feed/en/FR.rss", "/api/v1/public/advisories",
				"/api/v1/public/advisories/" + id)) {
			outputs.add(mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8));
		}
		assertThat(String.join("\n", outputs)).contains("Parcel fee scam " + run).doesNotContain(secret)
			.doesNotContain("Jeanne").doesNotContain("Dupont").doesNotContain("jeanne.martin").doesNotContain("+33 6")
			.doesNotContain("hidden-" + run).doesNotContain("europol.coordinator").doesNotContain("Second victim");
		mvc.perform(bearer(get("/api/v1/advisories/suggestions"), author)).andExpect(status().isOk())
			.andExpect(r -> assertThat(r.getResponse().getContentAsString()).doesNotContain((String) suggestion.get("id")));
	}
}
