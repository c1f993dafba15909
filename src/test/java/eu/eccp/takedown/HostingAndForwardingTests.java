package eu.eccp.takedown;

import static eu.eccp.DemoTokens.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import eu.eccp.DemoTokens;
import eu.eccp.shared.CountryCode;

/**
 * The analyst records where an item is hosted (or a lookup does); an assessed item hosted in another country is
 * forwarded to that country's hotline (and, for CSAM, its national unit), which handles and re-assesses it while
 * both see one timeline; outside the EU with no partner it becomes a block-list candidate.
 */
@SpringBootTest(properties = { "eccp.demo=true", "eccp.data-dir=${java.io.tmpdir}/eccp-takedown-hosting-tests" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class HostingAndForwardingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ItemLocations locations;

	String assessedCsam(String first, String second) throws Exception {
		String id = JsonPath.read(mvc.perform(bearer(post("/api/v1/content-reports"), first).contentType(MediaType.APPLICATION_JSON)
			.content("{\"category\":\"CSAM\",\"urls\":[\"https://h-" + UUID.randomUUID() + ".example.com/x\"]}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.items[0].itemId");
		String assessment = JsonPath.read(mvc.perform(bearer(post("/api/v1/content-items/" + id + "/assessments"), first)
			.contentType(MediaType.APPLICATION_JSON).content("{\"category\":\"CSAM_BASELINE\",\"reason\":\"Explicit.\"}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
		if (second != null) {
			mvc.perform(bearer(post("/api/v1/content-items/" + id + "/assessments/" + assessment + "/confirm"), second))
				.andExpect(status().isOk());
		}
		return id;
	}

	@Test
	void anItemHostedInTheNetherlandsIsForwardedToTheDutchHotlineAndBothSeeOneTimeline() throws Exception {
		String fr = DemoTokens.token(mvc, "fr.hotline");
		String id = assessedCsam(fr, DemoTokens.token(mvc, "fr.hotline2"));
		mvc.perform(bearer(post("/api/v1/content-items/" + id + "/forward"), fr)).andExpect(status().isConflict());
		mvc.perform(bearer(put("/api/v1/content-items/" + id + "/hosting"), fr).contentType(MediaType.APPLICATION_JSON)
			.content("{\"country\":\"NL\",\"hostOrganisation\":\"hosting\",\"language\":\"en\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.provider").value("Demo Hosting Provider"))
			.andExpect(jsonPath("$.source").value("ANALYST"));
		mvc.perform(bearer(post("/api/v1/content-items/" + id + "/forward"), fr))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.forwardedTo.shortName").value("nl-hotline"));

		String nl = DemoTokens.token(mvc, "nl.hotline");
		mvc.perform(bearer(get("/api/v1/content-items/" + id), nl))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.item.status").value("FORWARDED"))
			.andExpect(jsonPath("$.handledBy.shortName").value("nl-hotline"))
			.andExpect(jsonPath("$.item.timestamps.forwarded").isNotEmpty())
			.andExpect(jsonPath("$.parties[?(@.party == 'FORWARDED')].organisation.shortName")
				.value(Matchers.containsInAnyOrder("nl-hotline", "nl-unit")));
		// the French hotline no longer assesses, but still sees the shared timeline
		mvc.perform(bearer(post("/api/v1/content-items/" + id + "/assessments"), fr).contentType(MediaType.APPLICATION_JSON)
			.content("{\"category\":\"CSAM_BASELINE\",\"reason\":\"again\"}"))
			.andExpect(status().isForbidden());
		String reassessment = JsonPath.read(mvc.perform(bearer(post("/api/v1/content-items/" + id + "/assessments"), nl)
			.contentType(MediaType.APPLICATION_JSON).content("{\"category\":\"CSAM_BASELINE\",\"reason\":\"Illegal under Sr 240b.\"}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
		mvc.perform(bearer(post("/api/v1/content-items/" + id + "/assessments/" + reassessment + "/confirm"),
				DemoTokens.token(mvc, "nl.hotline2")))
			.andExpect(status().isOk());
		mvc.perform(bearer(get("/api/v1/content-items/" + id), fr))
			.andExpect(jsonPath("$.item.status").value("ASSESSED"))
			.andExpect(jsonPath("$.timeline[*].kind").value(Matchers.contains("REPORTED", "ASSESSED_AWAITING_CONFIRMATION",
					"CONFIRMED", "LOCATED", "FORWARDED", "ASSESSED_AWAITING_CONFIRMATION", "CONFIRMED")))
			.andExpect(jsonPath("$.assessments.length()").value(2));
		mvc.perform(bearer(get("/api/v1/content-items/" + id), DemoTokens.token(mvc, "nl.analyst"))).andExpect(status().isOk());
	}

	@Test
	void nothingLeavesTheHotlineBeforeTheSecondAnalystConfirms() throws Exception {
		String de = DemoTokens.token(mvc, "de.hotline");
		String id = assessedCsam(de, null);
		mvc.perform(bearer(get("/api/v1/content-items/" + id), de)).andExpect(jsonPath("$.item.status").value("AWAITING_CONFIRMATION"));
		mvc.perform(bearer(put("/api/v1/content-items/" + id + "/hosting"), de).contentType(MediaType.APPLICATION_JSON)
			.content("{\"country\":\"US\",\"provider\":\"Far Away Hosting\",\"abuseEmail\":\"abuse@faraway.example.com\"}"))
			.andExpect(status().isOk());
		// four-eyes first: without a second analyst nothing leaves
		mvc.perform(bearer(post("/api/v1/content-items/" + id + "/forward"), de)).andExpect(status().isConflict());
		mvc.perform(bearer(get("/api/v1/content-items/" + id), de))
			.andExpect(jsonPath("$.item.status").value("AWAITING_CONFIRMATION"))
			.andExpect(jsonPath("$.item.timestamps.forwarded").doesNotExist());
	}

	@Test
	void badHostingGetsFieldErrorsAndALookupIsStoredOnTheItem() throws Exception {
		String fr = DemoTokens.token(mvc, "fr.hotline");
		String id = assessedCsam(fr, DemoTokens.token(mvc, "fr.hotline2"));
		mvc.perform(bearer(put("/api/v1/content-items/" + id + "/hosting"), fr).contentType(MediaType.APPLICATION_JSON)
			.content("{\"country\":\"Narnia\",\"hostOrganisation\":\"fr-unit\",\"abuseEmail\":\"nope\",\"language\":\"es\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.country").isNotEmpty())
			.andExpect(jsonPath("$.errors.hostOrganisation").isNotEmpty())
			.andExpect(jsonPath("$.errors.abuseEmail").isNotEmpty())
			.andExpect(jsonPath("$.errors.language").isNotEmpty());
		mvc.perform(bearer(put("/api/v1/content-items/" + id + "/hosting"), DemoTokens.token(mvc, "bank.partner"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"country\":\"NL\"}"))
			.andExpect(status().isNotFound());

		locations.recordLookup(new ItemId(UUID.fromString(id)), new LookedUpLocation(CountryCode.of("US"), 13335L,
				"CLOUDFLARENET", List.of("192.0.2.10"), true, null, "abuse@cdn.example.com", "en"));
		mvc.perform(bearer(get("/api/v1/content-items/" + id), fr))
			.andExpect(jsonPath("$.hosting.source").value("LOOKUP"))
			.andExpect(jsonPath("$.hosting.asn").value(13335))
			.andExpect(jsonPath("$.hosting.behindCdn").value(true))
			.andExpect(jsonPath("$.item.hostingCountry").value("US"));
		mvc.perform(bearer(post("/api/v1/content-items/" + id + "/forward"), fr))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.blockListCandidate").value(true));
	}
}
