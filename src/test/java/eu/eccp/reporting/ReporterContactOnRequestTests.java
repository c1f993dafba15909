package eu.eccp.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Purpose limitation on the report page: an analyst opening a report does not see the reporter's contact
 * details; they are shown when the analyst asks ("show contact details"), and only that view is recorded in
 * the audit trail as a view with contact details.
 */
@SpringBootTest(properties = "eccp.demo=true")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ReporterContactOnRequestTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void contactDetailsAreShownOnlyWhenTheAnalystAsksAndThatViewIsAudited() throws Exception {
		String marker = "contact-" + UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(post("/api/v1/public/reports").contentType(MediaType.APPLICATION_JSON).content("""
				{"offence":"PHISHING","victimCountries":["FR"],"description":"Fake bank page %s",
				 "contact":{"email":"camille.reporter@example.org","language":"fr"}}""".formatted(marker)))
			.andExpect(status().isCreated());
		UUID id = jdbc.sql("SELECT id FROM report WHERE description LIKE :m").param("m", "%" + marker + "%").query(UUID.class).single();
		MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user("fr.analyst").password("demo"))
			.andReturn().getRequest().getSession();

		String opened = mvc.perform(get("/reports/" + id).session(session)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(opened).contains("id=\"show-contact\"").doesNotContain("camille.reporter@example.org");
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> audited(id, "report.viewed") >= 1);
		assertThat(audited(id, "report.viewed-with-contact")).isZero();

		String shown = mvc.perform(post("/reports/" + id + "/contact").with(csrf()).session(session)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(shown).contains("id=\"reporter-contact\"").contains("camille.reporter@example.org");
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> audited(id, "report.viewed-with-contact") == 1);
	}

	long audited(UUID report, String action) {
		return jdbc.sql("""
				SELECT (SELECT count(*) FROM audit_entry WHERE object_id = :id AND action = :action)
				     + (SELECT count(*) FROM audit_pending WHERE object_id = :id AND action = :action)""")
			.param("id", report.toString()).param("action", action).query(Long.class).single();
	}
}
