package eu.eccp.takedown;

import static eu.eccp.DemoTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import eu.eccp.DemoTokens;

/**
 * Hotline analysts assess items (category, media, victim-identification flag, reason); four-eyes categories wait
 * for a second analyst of the same hotline; the legality matrix says where the category is illegal, coordinators
 * maintain it, and demo rows say they are no legal advice. Pages show addresses defanged and never as links.
 */
@SpringBootTest(properties = { "eccp.demo=true", "eccp.data-dir=${java.io.tmpdir}/eccp-takedown-assessment-tests" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AssessmentTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	String item(String token, String category, String url) throws Exception {
		return JsonPath.read(mvc.perform(bearer(post("/api/v1/content-reports"), token).contentType(MediaType.APPLICATION_JSON)
			.content("{\"category\":\"" + category + "\",\"urls\":[\"" + url + "\"]}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.items[0].itemId");
	}

	@Test
	void aBaselineCsamAssessmentWaitsForASecondAnalystOfTheSameHotline() throws Exception {
		String first = DemoTokens.token(mvc, "fr.hotline");
		String id = item(first, "CSAM", "https://pics-" + UUID.randomUUID() + ".example.com/a/1");
		String assessment = JsonPath.read(mvc.perform(bearer(post("/api/v1/content-items/" + id + "/assessments"), first)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"category":"CSAM_BASELINE","mediaType":"IMAGE","mediaCount":12,"victimIdentification":true,
					 "reason":"Prepubescent child, explicit."}"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.needsConfirmation").value(true))
			.andReturn().getResponse().getContentAsString(), "$.id");
		mvc.perform(bearer(get("/api/v1/content-items/" + id), first))
			.andExpect(jsonPath("$.item.status").value("AWAITING_CONFIRMATION"))
			.andExpect(jsonPath("$.assessments[0].victimIdentification").value(true));

		// the assessor cannot confirm their own assessment; another hotline cannot either
		mvc.perform(bearer(post("/api/v1/content-items/" + id + "/assessments/" + assessment + "/confirm"), first))
			.andExpect(status().isConflict());
		mvc.perform(bearer(post("/api/v1/content-items/" + id + "/assessments/" + assessment + "/confirm"),
				DemoTokens.token(mvc, "nl.hotline")))
			.andExpect(status().isNotFound());

		String second = DemoTokens.token(mvc, "fr.hotline2");
		mvc.perform(bearer(post("/api/v1/content-items/" + id + "/assessments/" + assessment + "/confirm"), second))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.confirmedAt").isNotEmpty());
		mvc.perform(bearer(get("/api/v1/content-items/" + id), first))
			.andExpect(jsonPath("$.item.status").value("ASSESSED"))
			.andExpect(jsonPath("$.item.category").value("CSAM_BASELINE"))
			.andExpect(jsonPath("$.item.timestamps.assessed").isNotEmpty())
			.andExpect(jsonPath("$.timeline[*].kind").value(org.hamcrest.Matchers.hasItems("ASSESSED_AWAITING_CONFIRMATION", "CONFIRMED")))
			// where it is illegal: the demo matrix's baseline rows
			.andExpect(jsonPath("$.legality[?(@.country == 'FR')].verdict").value(org.hamcrest.Matchers.hasItem("ILLEGAL")));
		// a second confirmation is refused
		mvc.perform(bearer(post("/api/v1/content-items/" + id + "/assessments/" + assessment + "/confirm"), second))
			.andExpect(status().isConflict());
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'takedown.item.confirmed' AND object_id = :id")
			.param("id", id).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aCategoryWithoutFourEyesIsAssessedAtOnceAndNotIllegalClosesTheItem() throws Exception {
		String token = DemoTokens.token(mvc, "de.hotline");
		String hate = item(token, "RACIST_XENOPHOBIC_HATE", "https://board-" + UUID.randomUUID() + ".example.com/t/9");
		mvc.perform(bearer(post("/api/v1/content-items/" + hate + "/assessments"), token).contentType(MediaType.APPLICATION_JSON)
			.content("{\"category\":\"RACIST_XENOPHOBIC_INCITEMENT\",\"mediaType\":\"TEXT\",\"reason\":\"Calls for violence against a group.\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.needsConfirmation").value(false));
		mvc.perform(bearer(get("/api/v1/content-items/" + hate), token)).andExpect(jsonPath("$.item.status").value("ASSESSED"));

		String other = item(token, "OTHER_ILLEGAL_CONTENT", "https://shop-" + UUID.randomUUID() + ".example.com/");
		mvc.perform(bearer(post("/api/v1/content-items/" + other + "/assessments"), token).contentType(MediaType.APPLICATION_JSON)
			.content("{\"category\":\"NOT_ILLEGAL\",\"reason\":\"Satire, lawful here.\"}"))
			.andExpect(status().isCreated());
		mvc.perform(bearer(get("/api/v1/content-items/" + other), token)).andExpect(jsonPath("$.item.status").value("CLOSED"));
	}

	@Test
	void badAssessmentsGetFieldErrorsAndOnlyTheHandlingHotlineAssesses() throws Exception {
		String fr = DemoTokens.token(mvc, "fr.hotline");
		String host = "x-" + UUID.randomUUID();
		String id = item(fr, "CSAM", "https://" + host + ".example.com/");
		mvc.perform(bearer(post("/api/v1/content-items/" + id + "/assessments"), fr).contentType(MediaType.APPLICATION_JSON)
			.content("{\"category\":\"SOMETHING\",\"mediaType\":\"HOLOGRAM\",\"mediaCount\":-1,\"reason\":\"  \"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.category").isNotEmpty())
			.andExpect(jsonPath("$.errors.mediaType").isNotEmpty())
			.andExpect(jsonPath("$.errors.mediaCount").isNotEmpty())
			.andExpect(jsonPath("$.errors.reason").isNotEmpty());
		// the German hotline reports the same address: it sees the item but does not handle it
		String de = DemoTokens.token(mvc, "de.hotline");
		item(de, "CSAM", "https://" + host + ".example.com/");
		mvc.perform(bearer(post("/api/v1/content-items/" + id + "/assessments"), de).contentType(MediaType.APPLICATION_JSON)
			.content("{\"category\":\"CSAM_BASELINE\",\"reason\":\"Explicit.\"}"))
			.andExpect(status().isForbidden());
		assertThat(jdbc.sql("SELECT count(*) FROM content_assessment WHERE item_id = CAST(:id AS uuid)").param("id", id)
			.query(Long.class).single()).isZero();
	}

	@Test
	void coordinatorsMaintainTheLegalityMatrixAndDemoRowsSayTheyAreNoLegalAdvice() throws Exception {
		String hotline = DemoTokens.token(mvc, "nl.hotline");
		mvc.perform(bearer(get("/api/v1/legality-matrix"), hotline))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.category == 'CSAM_BASELINE' && @.country == 'NL')].demo").value(org.hamcrest.Matchers.contains(true)))
			.andExpect(jsonPath("$[?(@.category == 'CSAM_BASELINE' && @.country == 'NL')].note").value(org.hamcrest.Matchers.contains("Demo data, not legal advice.")));
		mvc.perform(bearer(put("/api/v1/legality-matrix/CSAM_NATIONAL/NL"), hotline).contentType(MediaType.APPLICATION_JSON)
			.content("{\"verdict\":\"ILLEGAL\"}"))
			.andExpect(status().isForbidden());

		String coordinator = DemoTokens.token(mvc, "europol.coordinator");
		mvc.perform(bearer(put("/api/v1/legality-matrix/CSAM_NATIONAL/NL"), coordinator).contentType(MediaType.APPLICATION_JSON)
			.content("{\"verdict\":\"ILLEGAL\",\"legalBasis\":\"Sr art. 240b\",\"note\":\"Reviewed with the NL hotline.\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.demo").value(false))
			.andExpect(jsonPath("$.reviewedBy").value("europol.coordinator"));
		mvc.perform(bearer(get("/api/v1/legality-matrix"), hotline))
			.andExpect(jsonPath("$[?(@.category == 'CSAM_NATIONAL' && @.country == 'NL')].verdict").value(org.hamcrest.Matchers.contains("ILLEGAL")));
		mvc.perform(bearer(put("/api/v1/legality-matrix/NOT_ILLEGAL/XX"), coordinator).contentType(MediaType.APPLICATION_JSON)
			.content("{\"verdict\":\"MAYBE\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.category").isNotEmpty())
			.andExpect(jsonPath("$.errors.country").isNotEmpty())
			.andExpect(jsonPath("$.errors.verdict").isNotEmpty());

		// the page: coordinators get the form, a bad verdict is a form error
		MockHttpSession session = login("europol.coordinator");
		String page = mvc.perform(get("/takedown/legality").session(session)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"rule-form\"").contains("Demo data, not legal advice.");
		mvc.perform(post("/takedown/legality").session(session).with(csrf()).param("category", "CSAM_BASELINE")
			.param("country", "ZZ9").param("verdict", "ILLEGAL"))
			.andExpect(status().isUnprocessableContent());
	}

	@Test
	void theAssessmentPageShowsTheAddressDefangedAndNeverAsALink() throws Exception {
		String host = "page-" + UUID.randomUUID().toString().substring(0, 8);
		String id = item(DemoTokens.token(mvc, "fr.hotline"), "CSAM", "https://" + host + ".example.com/gallery?id=5");
		MockHttpSession session = login("fr.hotline");
		String page = mvc.perform(get("/takedown/items/" + id).session(session)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("hxxps://" + host + "[.]example[.]com/gallery?id=5")
			.doesNotContain("https://" + host)
			.doesNotContain("href=\"hxxps")
			.contains("id=\"assess-form\"")
			.contains("id=\"item-legality\"");
		// a bad form is shown again with its errors
		mvc.perform(post("/takedown/items/" + id + "/assess").session(session).with(csrf()).param("category", "CSAM_BASELINE")
			.param("reason", ""))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(post("/takedown/items/" + id + "/assess").session(session).with(csrf()).param("category", "CSAM_BASELINE")
			.param("mediaType", "VIDEO").param("mediaCount", "1").param("reason", "Explicit."))
			.andExpect(status().is3xxRedirection());
		String list = mvc.perform(get("/takedown/items").param("q", host).session(session)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(list).contains("hxxps://" + host + "[.]example[.]com/gallery?id=5");
		// someone outside the item gets 404 for its page
		mvc.perform(get("/takedown/items/" + id).session(login("nl.hotline"))).andExpect(status().isNotFound());
	}

	MockHttpSession login(String user) throws Exception {
		return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password("demo")).andReturn().getRequest()
			.getSession();
	}
}
