package eu.eccp.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import eu.eccp.DemoTokens;

/**
 * For values that identify a person (e-mail addresses, phone numbers, IBANs, payment cards) only law
 * enforcement (national units, 24/7 points, EU bodies) learns whether and how often other organisations hold
 * them; hotlines and private partners see only the records they may open, as if nobody else had any. Infrastructure
 * indicators (URLs, domains, IPs...) are counted for everyone.
 */
@SpringBootTest(properties = { "eccp.demo=true", "eccp.data-dir=${java.io.tmpdir}/eccp-personal-counts-tests" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PersonalDataCountsTests {

	@Autowired
	MockMvc mvc;

	final String email = "victim." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

	final String url = "https://login-" + UUID.randomUUID().toString().substring(0, 8) + ".bank-secure.com/verify";

	String frenchUnitHoldsAReportWithTheEmailAndUrl() throws Exception {
		mvc.perform(post("/api/v1/public/reports").with(r -> {
			r.setRemoteAddr("198.51.100.17");
			return r;
		}).contentType(MediaType.APPLICATION_JSON).content("""
				{"offence":"PHISHING","victimCountries":["FR"],"description":"Mails from %s with a link to %s"}"""
			.formatted(email, url))).andExpect(status().isCreated());
		String analyst = DemoTokens.token(mvc, "fr.analyst");
		await().atMost(Duration.ofSeconds(30)).until(() -> lookup(analyst, email).get("known").equals(Boolean.TRUE));
		return analyst;
	}

	Map<String, Object> lookup(String token, String value) throws Exception {
		String body = mvc.perform(DemoTokens.bearer(post("/api/v1/indicators/lookup"), token)
			.contentType(MediaType.APPLICATION_JSON).content("{\"values\":[\"" + value + "\"]}"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		return JsonPath.<List<Map<String, Object>>>read(body, "$").get(0);
	}

	@Test
	void lawEnforcementOfAnotherCountryLearnsThatFranceHoldsTheEmail() throws Exception {
		frenchUnitHoldsAReportWithTheEmailAndUrl();
		for (String officer : List.of("de.analyst", "be.contact", "europol.coordinator")) {
			Map<String, Object> answer = lookup(DemoTokens.token(mvc, officer), email);
			assertThat(answer).as(officer).containsEntry("known", true).containsEntry("sightings", 1)
				.containsEntry("countries", List.of("FR")).containsEntry("countsWithheld", false);
		}
	}

	@Test
	void partnersAndHotlinesGetNoCountsForTheEmailButStillForTheUrl() throws Exception {
		frenchUnitHoldsAReportWithTheEmailAndUrl();
		for (String outsider : List.of("bank.partner", "isp.partner", "hotline.analyst")) {
			String token = DemoTokens.token(mvc, outsider);
			assertThat(lookup(token, email)).as(outsider).containsEntry("known", false).containsEntry("sightings", 0)
				.containsEntry("countries", List.of()).containsEntry("countsWithheld", true);
			assertThat(lookup(token, url)).as(outsider).containsEntry("known", true).containsEntry("sightings", 1)
				.containsEntry("countsWithheld", false);
			String search = mvc.perform(DemoTokens.bearer(get("/api/v1/indicators/search").param("q", email), token))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			assertThat(JsonPath.<List<Object>>read(search, "$")).as(outsider).isEmpty();
		}
	}
}
