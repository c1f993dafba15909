package eu.eccp.organisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The administrators' organisation list can be searched by name, short name or country, in the reader's language. */
@SpringBootTest(properties = "eccp.demo=true")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AdminOrganisationSearchTests {

	@Autowired
	MockMvc mvc;

	String page(MockHttpSession session, String q, String language) throws Exception {
		return mvc.perform(get("/admin/organisations").param("q", q).param("lang", language).session(session))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	@Test
	void findsOrganisationsByNameOrCountryName() throws Exception {
		MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user("admin").password("demo"))
			.andReturn().getRequest().getSession();
		assertThat(page(session, "europol", "en")).contains("Europol").doesNotContain("Germany National Cyber Crime Unit");
		// "Allemagne" is Germany in French: the country's name in the reader's language finds its organisations
		assertThat(page(session, "allemagne", "fr")).contains("Germany National Cyber Crime Unit").doesNotContain("Europol");
		assertThat(page(session, "no such organisation", "en")).contains("id=\"no-organisations\"");
	}
}
