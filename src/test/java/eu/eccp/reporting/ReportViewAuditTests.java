package eu.eccp.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * Every view of a report is audited with why the viewer may see it: the owning unit, the submitting
 * organisation, or the platform operator's administrators and auditors, who are never called submitters.
 */
@SpringBootTest(properties = { "eccp.demo=true", "eccp.data-dir=${java.io.tmpdir}/eccp-report-view-audit-tests" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ReportViewAuditTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	String tokenFor(String username) throws Exception {
		String body = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + username + "\",\"password\":\"demo\"}"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(body, "$.token");
	}

	String submitAs(String token) throws Exception {
		String body = mvc.perform(post("/api/v1/reports").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"offence":"PHISHING","residenceCountry":"FR","victimCountries":["FR"],
					 "description":"A fake bank asked for my card %s"}""".formatted(UUID.randomUUID())))
			.andExpect(status().is2xxSuccessful())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(body, "$.id");
	}

	void view(String id, String token) throws Exception {
		mvc.perform(get("/api/v1/reports/" + id).header("Authorization", "Bearer " + token)).andExpect(status().isOk());
	}

	List<String> viewRelations(String id) {
		return jdbc.sql("""
				SELECT actor_username || '=' || detail FROM audit_entry
				WHERE action LIKE 'report.viewed%' AND object_id = :id ORDER BY seq""")
			.param("id", id)
			.query(String.class)
			.list();
	}

	@Test
	void viewsAreAuditedAsOwnerSubmitterPlatformAuditorAndPlatformAdmin() throws Exception {
		String id = submitAs(tokenFor("bank.partner"));

		view(id, tokenFor("bank.partner"));
		view(id, tokenFor("fr.analyst"));
		view(id, tokenFor("dpo"));
		view(id, tokenFor("admin"));

		assertThat(viewRelations(id)).containsExactly("bank.partner=submitter", "fr.analyst=owner",
				"dpo=platform-auditor", "admin=platform-admin");
	}
}
