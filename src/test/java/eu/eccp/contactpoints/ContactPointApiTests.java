package eu.eccp.contactpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
 * The directory of contact points over the API: every member state's 24/7 point and the private partners,
 * filters by country, type and capability, and entries kept by their own organisation's admins only.
 */
@SpringBootTest(properties = { "eccp.demo=true", "eccp.data-dir=${java.io.tmpdir}/eccp-contact-point-api-tests" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ContactPointApiTests {

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

	UUID org(String shortName) {
		return jdbc.sql("SELECT id FROM organisation WHERE short_name = :s").param("s", shortName).query(UUID.class).single();
	}

	String search(String token, String query) throws Exception {
		return mvc.perform(as(get("/api/v1/contact-points" + query), token)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
	}

	@Test
	void listsEveryNationalContactPointAndThePrivatePartners() throws Exception {
		String body = search(token("fr.analyst"), "");
		assertThat(JsonPath.<List<String>>read(body, "$[?(@.type == 'CONTACT_POINT')].country")).hasSize(27)
			.contains("AT", "BE", "DE", "FR", "SE");
		assertThat(JsonPath.<List<String>>read(body, "$[*].shortName")).contains("isp", "hosting", "bank");
		Map<String, Object> isp = JsonPath.<List<Map<String, Object>>>read(body, "$[?(@.shortName == 'isp')]").get(0);
		assertThat(isp).containsEntry("country", "DE").containsEntry("type", "ISP").containsEntry("alwaysOpen", true)
			.containsEntry("openNow", true).containsEntry("platformChannel", true).containsEntry("editable", false);
		assertThat((List<String>) isp.get("capabilities")).contains("PRESERVATION", "TRAFFIC_DATA", "EMERGENCY_DISCLOSURE");
		assertThat((List<String>) isp.get("languages")).containsExactly("de", "en");
		assertThat((Map<String, Object>) isp.get("backup")).containsEntry("name", "Schichtleitung Nacht des Internetanbieters"); // written in the German ISP's own language
		Map<String, Object> hosting = JsonPath.<List<Map<String, Object>>>read(body, "$[?(@.shortName == 'hosting')]").get(0);
		assertThat(hosting).containsEntry("alwaysOpen", false).containsEntry("officeOpens", "08:00:00")
			.containsEntry("officeCloses", "18:00:00").containsEntry("timeZone", "Europe/Amsterdam").containsKey("openNow");
	}

	@Test
	void filtersByCountryTypeAndCapability() throws Exception {
		String fr = token("fr.analyst");
		assertThat(JsonPath.<List<String>>read(search(fr, "?country=de"), "$[*].shortName")).containsExactlyInAnyOrder("de-247", "isp");
		assertThat(JsonPath.<List<String>>read(search(fr, "?type=HOSTING_PROVIDER"), "$[*].shortName")).containsExactly("hosting");
		assertThat(JsonPath.<List<String>>read(search(fr, "?capability=CONTENT_REMOVAL"), "$[*].shortName"))
			.containsExactly("hosting");
		assertThat(JsonPath.<List<String>>read(search(fr, "?capability=ACCOUNT_FREEZE&country=FR"), "$[*].shortName"))
			.containsExactly("bank");
		assertThat(JsonPath.<List<Object>>read(search(fr, "?country=FR&type=ISP"), "$")).isEmpty();
	}

	@Test
	void rejectsUnknownFilterValuesWithFieldErrors() throws Exception {
		mvc.perform(as(get("/api/v1/contact-points?country=XX&type=BAKERY&capability=MAGIC"), token("fr.analyst")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.country").exists())
			.andExpect(jsonPath("$.errors.type").exists())
			.andExpect(jsonPath("$.errors.capability").exists());
	}

	@Test
	void letsAnOrganisationsAdminEditOnlyItsOwnEntry() throws Exception {
		String entry = """
				{"description":"Permanence de la section cyber","capabilities":["PRESERVATION","SUBSCRIBER_DATA"],
				 "languages":["fr","en"],"alwaysOpen":false,"officeOpens":"08:30","officeCloses":"19:00",
				 "timeZone":"Europe/Paris","phone":"+33 1 40 00 00 01","email":"cyber@fr-unit.example.fr",
				 "backupName":"Officier de permanence","backupEmail":"permanence@fr-unit.example.fr","backupUser":"fr.analyst"}""";
		UUID frUnit = org("fr-unit");
		mvc.perform(as(put("/api/v1/contact-points/" + frUnit), token("fr.analyst")).contentType(MediaType.APPLICATION_JSON)
			.content(entry)).andExpect(status().isForbidden());
		mvc.perform(as(put("/api/v1/contact-points/" + org("isp")), token("fr.admin")).contentType(MediaType.APPLICATION_JSON)
			.content(entry)).andExpect(status().isForbidden());
		mvc.perform(as(put("/api/v1/contact-points/" + frUnit), token("fr.admin")).contentType(MediaType.APPLICATION_JSON)
			.content(entry)).andExpect(status().isOk())
			.andExpect(jsonPath("$.phone").value("+33140000001"))
			.andExpect(jsonPath("$.officeOpens").value("08:30:00"))
			.andExpect(jsonPath("$.editable").value(true))
			.andExpect(jsonPath("$.backup.name").value("Officier de permanence"));
		assertThat(JsonPath.<List<String>>read(search(token("de.analyst"), "?country=FR&type=NATIONAL_UNIT"), "$[*].description"))
			.containsExactly("Permanence de la section cyber");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'contactpoint.updated' AND object_id = :id")
			.param("id", frUnit.toString()).query(Long.class).single()).isEqualTo(1);

		// the platform's admins may keep any entry current
		mvc.perform(as(put("/api/v1/contact-points/" + frUnit), token("admin")).contentType(MediaType.APPLICATION_JSON)
			.content(entry.replace("Permanence de la section cyber", "Cyber duty desk"))).andExpect(status().isOk());
		mvc.perform(as(put("/api/v1/contact-points/" + UUID.randomUUID()), token("admin")).contentType(MediaType.APPLICATION_JSON)
			.content(entry)).andExpect(status().isNotFound());
	}

	@Test
	void rejectsAnEntryWithInvalidContactsOrHours() throws Exception {
		mvc.perform(as(put("/api/v1/contact-points/" + org("fr-unit")), token("fr.admin")).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"capabilities":["TELEPATHY"],"languages":["xx"],"alwaysOpen":false,"officeOpens":"18:00","officeCloses":"09:00",
					 "timeZone":"Mars/Olympus","phone":"12","email":"nobody@","backupUser":"isp.partner"}"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.capabilities").exists())
			.andExpect(jsonPath("$.errors.languages").exists())
			.andExpect(jsonPath("$.errors.timeZone").exists())
			.andExpect(jsonPath("$.errors.officeCloses").exists())
			.andExpect(jsonPath("$.errors.phone").exists())
			.andExpect(jsonPath("$.errors.email").exists())
			.andExpect(jsonPath("$.errors.backupUser").exists());
	}

	@Test
	void answersTheDirectoryOnlyToSignedInCallers() throws Exception {
		mvc.perform(get("/api/v1/contact-points")).andExpect(status().isUnauthorized());
	}
}
