package eu.eccp.platform.web;

import static eu.eccp.DemoTokens.bearer;
import static eu.eccp.DemoTokens.token;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The operator's administrators see what background work waits and what keeps failing; nobody else does. */
@SpringBootTest(properties = { "eccp.demo=true", "eccp.data-dir=${java.io.tmpdir}/eccp-background-work-tests" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class BackgroundWorkTests {

	@Autowired
	MockMvc mvc;

	@Test
	void thePlatformAdministratorReadsTheBacklogOverTheApi() throws Exception {
		mvc.perform(bearer(get("/api/v1/admin/background-work"), token(mvc, "admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.reports.waiting").isNumber())
			.andExpect(jsonPath("$.reports.failing").isNumber())
			.andExpect(jsonPath("$.events.incomplete").isNumber())
			.andExpect(jsonPath("$.events.stuck").isNumber());
	}

	@Test
	void anOrganisationAdministratorOrAnAnalystDoesNotSeeIt() throws Exception {
		mvc.perform(bearer(get("/api/v1/admin/background-work"), token(mvc, "fr.admin"))).andExpect(status().isNotFound());
		mvc.perform(bearer(get("/api/v1/admin/background-work"), token(mvc, "fr.analyst")))
			.andExpect(status().is(Matchers.oneOf(403, 404)));
	}

	@Test
	void thePageShowsBothKindsOfWorkInWords() throws Exception {
		org.springframework.mock.web.MockHttpSession session = (org.springframework.mock.web.MockHttpSession) mvc
			.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin("/login")
				.user("admin").password("demo"))
			.andReturn().getRequest().getSession();
		mvc.perform(get("/admin/background").session(session).locale(java.util.Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("id=\"background-reports\"")))
			.andExpect(content().string(Matchers.containsString("Reports whose indicators are to be extracted and correlated")));
	}
}
