package eu.eccp.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What a visitor without an account finds at the platform's address: a public home page at {@code /} with
 * the ways in (report, follow a report, log in), and for an address that does not exist the platform's own
 * not-found page in their language, not the login page; a signed-in person gets the dashboard there.
 */
@SpringBootTest(properties = "eccp.demo=true")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class FrontDoorTests {

	@Autowired
	MockMvc mvc;

	@Test
	void aVisitorFindsThePublicHomePageWithTheWaysIn() throws Exception {
		String page = mvc.perform(get("/").header("Accept-Language", "fr")).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(page).contains("lang=\"fr\"").contains("id=\"public-home-heading\"")
			.contains("href=\"/report\"").contains("href=\"/report/status\"").contains("href=\"/login\"")
			.contains("Signaler la cybercriminalité").doesNotContain("dashboard-heading");
	}

	@Test
	void aVisitorGetsNotFoundForAnAddressThatDoesNotExistNotTheLoginPage() throws Exception {
		// the page itself (the platform's error page, lang on <html>) is checked in a real Tomcat by WalkthroughBrowserTests
		mvc.perform(get("/no-such-page").header("Accept-Language", "de")).andExpect(status().isNotFound())
			.andExpect(r -> assertThat(r.getResponse().getRedirectedUrl()).isNull());
	}

	@Test
	void aVisitorIsAskedToLogInForAStaffPage() throws Exception {
		mvc.perform(get("/reports")).andExpect(status().is3xxRedirection())
			.andExpect(r -> assertThat(r.getResponse().getRedirectedUrl()).endsWith("/login"));
	}

	@Test
	void aSignedInPersonGetsTheirDashboardWithFiguresAndLinks() throws Exception {
		MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user("fr.analyst").password("demo"))
			.andExpect(redirectedUrl("/")).andReturn().getRequest().getSession();
		String page = mvc.perform(get("/").param("lang", "en").session(session)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(page).contains("id=\"dashboard-heading\"").contains("id=\"figure-reports\"")
			.contains("href=\"/reports?status=RECEIVED\"").contains("id=\"figure-hits\"").contains("id=\"figure-invitations\"")
			.contains("id=\"figure-requests\"").contains("id=\"figure-notices\"")
			.doesNotContain("once the", "module is in place");
	}

	@Test
	void aDefangedAddressWithBracketsInTheQueryIsAcceptedNotRefusedByTheServer() throws Exception {
		// MockMvc does not run Tomcat's parser; the relaxed characters are checked in BrowserTests through Tomcat
		MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user("fr.analyst").password("demo"))
			.andReturn().getRequest().getSession();
		mvc.perform(get("/indicators").param("q", "hxxps://x[.]net/").session(session)).andExpect(status().isOk());
	}
}
